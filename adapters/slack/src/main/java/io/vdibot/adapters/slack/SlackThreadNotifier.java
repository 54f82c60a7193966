package io.vdibot.adapters.slack;

import io.vdibot.adapters.common.TaskStatusLines;
import io.vdibot.commands.Platform;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadNotifier;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TextBlock;
import io.vdibot.commands.reply.TextStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the core says, in Slack. A task's first message in a channel is its status message, edited in place to show
 * how the task is getting on: its progress and milestones ({@link TaskStatusLines}) are shown there rather than
 * posted, so a long task leaves a short thread. Everything else is a reply in that message's thread (a warning, the
 * result, the log summary), and the status message also shows the latest of those. Edits are coalesced and paced ({@link UpdateQueue}); tables too
 * long for a message and charts are uploaded into the thread. Answers that are not about a task (a query, a mistake)
 * go privately to the person who asked a slash command, or into the thread where they were mentioned. Approval cards
 * go to the configured approvers' channel; a channel the bot cannot post in is replaced by a direct message to the
 * requester.
 */
public final class SlackThreadNotifier implements ThreadNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(SlackThreadNotifier.class);
    /** Message ids of answers that cannot be edited (ephemeral messages, App Home sections). */
    static final String EPHEMERAL_PREFIX = "ephemeral:";
    private static final Set<String> CANNOT_POST = Set.of("not_in_channel", "channel_not_found", "is_archived",
            "restricted_action", "cannot_dm_bot");
    private static final int MAX_REMEMBERED = 5_000;

    private final SlackApi api;
    private final SlackSettings settings;
    private final BlockKitRenderer renderer;
    private final SlackThreadStore store;
    private final UpdateQueue updates;
    private final ApprovalCards cards;
    private final HomeBoard home;
    /** Striped: posts of one task are serialised so its first message is created once. */
    private final Object[] taskLocks = new Object[64];
    /** The first reply of each status message, to redraw it; after a restart its stored headline stands in. */
    private final Map<String, Reply> firstReplies = new ConcurrentHashMap<>();
    private final TaskStatusLines statusLines = new TaskStatusLines();
    /** channel → direct-message channel, per requester, for channels the bot cannot post in. */
    private final Map<String, String> redirects = new ConcurrentHashMap<>();

    SlackThreadNotifier(SlackApi api, SlackSettings settings, BlockKitRenderer renderer, SlackThreadStore store,
                        UpdateQueue updates, ApprovalCards cards, HomeBoard home) {
        this.api = Objects.requireNonNull(api, "api");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.store = Objects.requireNonNull(store, "store");
        this.updates = Objects.requireNonNull(updates, "updates");
        this.cards = Objects.requireNonNull(cards, "cards");
        this.home = Objects.requireNonNull(home, "home");
        for (int i = 0; i < taskLocks.length; i++) {
            taskLocks[i] = new Object();
        }
    }

    @Override
    public MessageHandle post(ThreadRef thread, Reply reply) {
        try {
            if (SlackThreads.HOME_CHANNEL.equals(thread.channelId())) {
                return home.accept(thread, reply);
            }
            if (thread.extras().containsKey(SlackThreads.CLICK)) {
                return cards.answer(thread, reply);
            }
            String task = thread.taskCode();
            return task == null ? answer(thread, reply)
                    : postInTaskThread(thread, task, SlackThreadStore.STATUS, reply);
        } catch (SlackCallException e) {
            LOG.warn("could not post in Slack channel {}: {}", thread.channelId(), e.error());
            return null;
        }
    }

    @Override
    public void update(MessageHandle message, Reply reply) {
        if (message.messageId().startsWith(EPHEMERAL_PREFIX)) {
            return;
        }
        ThreadRef thread = message.thread();
        String task = thread.taskCode();
        Optional<SlackThreadStore.ThreadRoot> root = task == null ? Optional.empty()
                : store.find(task, SlackThreadStore.STATUS);
        if (root.isPresent() && root.get().ts().equals(message.messageId()) && TaskStatusLines.folds(reply)) {
            statusLines.fold(task, reply);
            mirror(task, root.get(), null);
            return;
        }
        updates.submit(thread.channelId(), message.messageId(), renderer.render(reply));
        root.filter(r -> !r.ts().equals(message.messageId())).ifPresent(r -> mirror(task, r, reply));
    }

    @Override
    public void notifyApprovers(ThreadRef requestThread, Reply question) {
        String task = requestThread.taskCode();
        if (settings.approversChannel() == null) {
            LOG.warn("vdibot.slack.approvers-channel is not set; the approval request of {} is not shown in Slack",
                    task);
            return;
        }
        ThreadRef approvers = new ThreadRef(Platform.SLACK, settings.approversChannel(), null, task, Map.of());
        try {
            postInTaskThread(approvers, task, SlackThreadStore.APPROVAL, question);
        } catch (SlackCallException e) {
            LOG.warn("could not ask the approvers of {} in Slack: {}", task, e.error());
        }
    }

    /**
     * A reply under the approval card, broadcast to the channel: a plain thread reply would reach only those who
     * follow the thread, while the approvers to remind are the ones who have not looked.
     */
    @Override
    public void remindApprovers(ThreadRef requestThread, Reply reminder) {
        String task = requestThread.taskCode();
        if (settings.approversChannel() == null) {
            return;
        }
        Rendered rendered = renderer.render(reminder);
        try {
            Optional<SlackThreadStore.ThreadRoot> card = task == null ? Optional.empty()
                    : store.find(task, SlackThreadStore.APPROVAL);
            if (card.isPresent()) {
                api.broadcastReply(card.get().channel(), card.get().replyThread(), rendered.text(),
                        rendered.blocks());
            } else {
                api.postMessage(settings.approversChannel(), null, rendered.text(), rendered.blocks());
            }
        } catch (SlackCallException e) {
            LOG.warn("could not remind the approvers of {} in Slack: {}", task, e.error());
        }
    }

    @Override
    public void closeApproval(ThreadRef requestThread, Reply closed) {
        String task = requestThread.taskCode();
        Optional<SlackThreadStore.ThreadRoot> card = task == null ? Optional.empty()
                : store.find(task, SlackThreadStore.APPROVAL);
        if (card.isEmpty()) {
            return;
        }
        Rendered rendered = renderer.render(closed);
        try {
            api.update(card.get().channel(), card.get().ts(), rendered.text(), rendered.blocks());
        } catch (SlackCallException e) {
            LOG.warn("could not close the approval card of {} in Slack: {}", task, e.error());
        }
    }

    /** A click on the card's button had its answer drawn on the card ({@link ApprovalCards}); a typed one has not. */
    @Override
    public void approvalDecided(ThreadRef requestThread, ThreadRef decidedIn, Reply closed) {
        if (!decidedIn.extras().containsKey(SlackThreads.CLICK)) {
            closeApproval(requestThread, closed);
        }
    }

    @Override
    public void notifyOnCall(Reply reply) {
        if (settings.onCallChannel() == null) {
            return;
        }
        try {
            Rendered rendered = renderer.render(reply);
            SlackApi.Posted posted = api.postMessage(settings.onCallChannel(), null, rendered.text(),
                    rendered.blocks());
            attach(posted.channel(), posted.ts(), rendered);
        } catch (SlackCallException e) {
            LOG.warn("could not reach the on-call channel: {}", e.error());
        }
    }

    /** An answer that is not about a task: private to a slash command's author, in the thread of a mention. */
    private MessageHandle answer(ThreadRef thread, Reply reply) {
        Rendered rendered = renderer.render(reply);
        String responseUrl = thread.extras().get(SlackThreads.RESPONSE_URL);
        if (responseUrl != null) {
            api.respond(responseUrl, true, rendered.text(), rendered.blocks());
            if (!rendered.files().isEmpty()) {
                String dm = api.openDirectMessage(thread.extras().get(SlackThreads.USER));
                attach(dm, null, rendered);
            }
            return new MessageHandle(thread, EPHEMERAL_PREFIX + System.nanoTime());
        }
        SlackApi.Posted posted = postOrRedirect(thread, null, thread.threadId(), rendered);
        attach(posted.channel(), thread.threadId() != null ? thread.threadId() : posted.ts(), rendered);
        return new MessageHandle(withChannel(thread, posted.channel()), posted.ts());
    }

    private MessageHandle postInTaskThread(ThreadRef thread, String task, String purpose, Reply reply) {
        Object lock = taskLocks[Math.floorMod((task + "/" + purpose).hashCode(), taskLocks.length)];
        synchronized (lock) {
            Optional<SlackThreadStore.ThreadRoot> known = store.find(task, purpose);
            boolean status = SlackThreadStore.STATUS.equals(purpose);
            if (known.isPresent() && status && TaskStatusLines.folds(reply)) {
                // a line folded into the status message is never posted, so it is not rendered either
                SlackThreadStore.ThreadRoot root = known.get();
                statusLines.fold(task, reply);
                mirror(task, root, null);
                return new MessageHandle(withChannel(thread, root.channel()), root.ts());
            }
            Rendered rendered = renderer.render(reply);
            if (known.isEmpty()) {
                SlackApi.Posted posted = postOrRedirect(thread, task, thread.threadId(), rendered);
                SlackThreadStore.ThreadRoot root = new SlackThreadStore.ThreadRoot(posted.channel(), posted.ts(),
                        thread.threadId(), headline(reply));
                store.save(task, purpose, root);
                if (firstReplies.size() >= MAX_REMEMBERED) {
                    firstReplies.clear();
                }
                firstReplies.put(task + "/" + purpose, reply);
                attach(posted.channel(), root.replyThread(), rendered);
                return new MessageHandle(withChannel(thread, posted.channel()), posted.ts());
            }
            SlackThreadStore.ThreadRoot root = known.get();
            SlackApi.Posted posted = api.postMessage(root.channel(), root.replyThread(), rendered.text(),
                    rendered.blocks());
            attach(root.channel(), root.replyThread(), rendered);
            if (status) {
                statusLines.posted(task);
                mirror(task, root, reply);
            }
            return new MessageHandle(withChannel(thread, root.channel()), posted.ts());
        }
    }

    /**
     * The status message: what it first said, the latest milestone and step, then the latest line posted in its
     * thread ({@code latest}, null when the status lines changed).
     */
    private void mirror(String task, SlackThreadStore.ThreadRoot root, Reply latest) {
        Reply first = firstReplies.get(task + "/" + SlackThreadStore.STATUS);
        Reply.Builder status = Reply.builder();
        if (first != null) {
            status.tone(first.tone());
            first.blocks().forEach(status::block);
        } else {
            status.text(root.headline());
        }
        TaskStatusLines.Lines lines = statusLines.of(task);
        line(status, lines.milestone());
        line(status, lines.step());
        line(status, latest);
        updates.submit(root.channel(), root.ts(), renderer.render(status.build()));
    }

    private static void line(Reply.Builder status, Reply said) {
        String line = said == null ? "" : headline(said);
        if (!line.isEmpty()) {
            status.block(new TextBlock("\u21B3 " + BlockKitRenderer.tonePrefix(said.tone()) + line, TextStyle.PLAIN));
        }
    }

    private SlackApi.Posted postOrRedirect(ThreadRef thread, String task, String threadTs, Rendered rendered) {
        String channel = thread.channelId();
        String user = thread.extras().get(SlackThreads.USER);
        String redirected = user == null ? null : redirects.get(channel + "/" + user);
        if (redirected != null) {
            return api.postMessage(redirected, null, rendered.text(), rendered.blocks());
        }
        try {
            return api.postMessage(channel, threadTs, rendered.text(), rendered.blocks());
        } catch (SlackCallException e) {
            if (user == null || !CANNOT_POST.contains(e.error())) {
                throw e;
            }
            String dm = api.openDirectMessage(user);
            redirects.put(channel + "/" + user, dm);
            LOG.info("cannot post in {} ({}); writing to the requester directly", channel, e.error());
            SlackTexts texts = SlackTexts.forLocale(settings.locale());
            api.postMessage(dm, null, texts.format("slack.redirected", task == null ? "" : task),
                    List.of(BlockKitRenderer.context(texts.format("slack.redirected", task == null ? "" : task))));
            return api.postMessage(dm, null, rendered.text(), rendered.blocks());
        }
    }

    private void attach(String channel, String threadTs, Rendered rendered) {
        for (Rendered.FileAttachment file : rendered.files()) {
            try {
                api.upload(channel, threadTs, file.filename(), file.title(), file.data());
            } catch (SlackCallException e) {
                LOG.warn("could not attach {} in {}: {}", file.filename(), channel, e.error());
            }
        }
    }

    /** The same thread in the channel the message went to (a requester's direct message after a redirect). */
    private static ThreadRef withChannel(ThreadRef thread, String channel) {
        return new ThreadRef(thread.platform(), channel, thread.threadId(), thread.taskCode(), thread.extras());
    }

    private static String headline(Reply reply) {
        return reply.plainText().strip().lines().findFirst().orElse("");
    }
}
