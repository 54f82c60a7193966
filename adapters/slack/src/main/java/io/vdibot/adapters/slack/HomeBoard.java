package io.vdibot.adapters.slack;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.SlackFileObject;
import com.slack.api.model.view.View;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-user App Home tab. Its sections are the core's own answers to {@code dashboard}, {@code tasks mine} and
 * {@code tasks pending}, asked on the user's behalf when they open the tab, so the same permissions and words apply
 * as when they type. Only the sections the user may see are drawn (the caller decides which); someone who may see
 * none gets one line instead. Answers arrive one by one; the tab is published once they are in (a short debounce),
 * and again if one is late. Dashboard charts are uploaded privately to the app and shown from there.
 */
final class HomeBoard {

    private static final Logger LOG = LoggerFactory.getLogger(HomeBoard.class);
    private static final long DEBOUNCE_MILLIS = 300;

    /** The tab's sections, in display order, with the command that fills each. */
    enum Section {
        DASHBOARD("dashboard", "slack.home.dashboard"),
        TASKS("tasks mine", "slack.home.tasks"),
        PENDING("tasks pending", "slack.home.pending");

        final String command;
        final String titleKey;

        Section(String command, String titleKey) {
            this.command = command;
            this.titleKey = titleKey;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Section of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    private final SlackApi api;
    private final BlockKitRenderer renderer;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Map<String, Board> boards = new ConcurrentHashMap<>();

    HomeBoard(SlackApi api, BlockKitRenderer renderer, ScheduledExecutorService timer, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The user opened the tab and may see {@code shown} (not empty): shows what is known of those (or "loading") while
     * the core is asked again. What an earlier opening showed of other sections is dropped.
     */
    void opened(String user, Locale locale, Set<Section> shown) {
        Board board = boards.computeIfAbsent(user, u -> new Board());
        synchronized (board) {
            board.locale = locale;
            board.notice = null;
            board.shown = EnumSet.copyOf(shown);
            board.sections.keySet().retainAll(shown);
            if (board.published) {
                return;
            }
        }
        publish(user);
    }

    /** The user opened the tab but may see none of it: the tab shows {@code line} alone, and nothing else. */
    void closed(String user, Locale locale, String line) {
        Board board = boards.computeIfAbsent(user, u -> new Board());
        synchronized (board) {
            board.locale = locale;
            board.notice = line;
            board.shown = EnumSet.noneOf(Section.class);
            board.sections.clear();
            if (board.scheduled != null) {
                board.scheduled.cancel(false);
            }
        }
        publish(user);
    }

    /** An answer of the core for one section of a user's tab. */
    MessageHandle accept(ThreadRef thread, Reply reply) {
        String user = thread.extras().get(SlackThreads.USER);
        Section section = Section.of(thread.extras().get(SlackThreads.HOME_SECTION));
        Board board = boards.computeIfAbsent(user, u -> new Board());
        MessageHandle handle = new MessageHandle(thread,
                SlackThreadNotifier.EPHEMERAL_PREFIX + "home-" + user + "-" + section.id());
        synchronized (board) {
            if (!board.shown.contains(section)) {
                // asked for before the user lost sight of it: not drawn
                return handle;
            }
            board.sections.put(section, reply);
            if (board.scheduled != null) {
                board.scheduled.cancel(false);
            }
            long delay = board.sections.keySet().containsAll(board.shown) ? 0 : DEBOUNCE_MILLIS;
            board.scheduled = timer.schedule(() -> publish(user), delay, TimeUnit.MILLISECONDS);
        }
        return handle;
    }

    private void publish(String user) {
        Board board = boards.get(user);
        Map<Section, Reply> sections;
        List<Section> shown;
        String notice;
        Locale locale;
        List<String> oldFiles;
        synchronized (board) {
            sections = new EnumMap<>(board.sections);
            shown = List.copyOf(board.shown);
            notice = board.notice;
            locale = board.locale;
            oldFiles = List.copyOf(board.files);
            board.published = true;
        }
        SlackTexts texts = SlackTexts.forLocale(locale);
        List<String> uploaded = new ArrayList<>();
        try {
            api.publishHome(user, view(sections, shown, notice, texts, uploaded, true));
        } catch (SlackCallException withImages) {
            // An image Slack has not finished processing makes the whole view invalid; show it without charts.
            LOG.info("home tab of {} published without charts: {}", user, withImages.error());
            try {
                api.publishHome(user, view(sections, shown, notice, texts, uploaded, false));
            } catch (SlackCallException e) {
                LOG.warn("could not publish the home tab of {}: {}", user, e.error());
            }
        }
        synchronized (board) {
            board.files.clear();
            board.files.addAll(uploaded);
        }
        for (String file : oldFiles) {
            if (!uploaded.contains(file)) {
                try {
                    api.deleteFile(file);
                } catch (SlackCallException e) {
                    LOG.debug("old home chart {} not deleted: {}", file, e.error());
                }
            }
        }
    }

    /** The tab: the sections shown, in order; or, for someone who may see none of it, the {@code notice} alone. */
    private View view(Map<Section, Reply> sections, List<Section> shown, String notice, SlackTexts texts,
                      List<String> uploaded, boolean images) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder().text(BlockKitRenderer.plain(texts.format("slack.home.title"))).build());
        if (notice != null) {
            blocks.add(SectionBlock.builder().text(BlockKitRenderer.plain(notice)).build());
            return View.builder().type("home").blocks(blocks).build();
        }
        blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                .text(texts.format("slack.home.updated") + " " + BlockKitRenderer.dateToken(clock.instant()))
                .build())).build());
        for (int i = 0; i < shown.size(); i++) {
            Section section = shown.get(i);
            blocks.add(DividerBlock.builder().build());
            blocks.add(HeaderBlock.builder().text(BlockKitRenderer.plain(texts.format(section.titleKey))).build());
            Reply reply = sections.get(section);
            if (reply == null) {
                blocks.add(BlockKitRenderer.context(texts.format("slack.home.loading")));
                continue;
            }
            int room = BlockKitRenderer.VIEW_BLOCKS - blocks.size() - 3 * (shown.size() - i);
            Rendered rendered = renderer.render(reply, Math.max(2, room));
            blocks.addAll(rendered.blocks());
            if (images) {
                for (Rendered.FileAttachment file : rendered.files()) {
                    if (file.image() && blocks.size() < BlockKitRenderer.VIEW_BLOCKS) {
                        String id = uploaded.size() < 10 ? api.upload(null, null, file.filename(), file.title(),
                                file.data()) : null;
                        if (id != null) {
                            uploaded.add(id);
                            blocks.add(ImageBlock.builder().slackFile(SlackFileObject.builder().id(id).build())
                                    .altText(BlockKitRenderer.cut(file.title(), 2000)).build());
                        }
                    }
                }
            }
        }
        List<LayoutBlock> limited = blocks.size() > BlockKitRenderer.VIEW_BLOCKS
                ? blocks.subList(0, BlockKitRenderer.VIEW_BLOCKS) : blocks;
        return View.builder().type("home").blocks(new ArrayList<>(limited)).build();
    }

    private static final class Board {
        final Map<Section, Reply> sections = new EnumMap<>(Section.class);
        final List<String> files = new ArrayList<>();
        /** The sections this user may see, in display order; none while {@link #notice} stands instead. */
        Set<Section> shown = EnumSet.noneOf(Section.class);
        String notice;
        Locale locale;
        boolean published;
        ScheduledFuture<?> scheduled;
    }
}
