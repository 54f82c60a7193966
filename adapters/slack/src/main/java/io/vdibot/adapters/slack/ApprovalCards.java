package io.vdibot.adapters.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approval cards after a click. The core answers an {@code approve} or {@code reject} like typed text; when that
 * answer is a decision, the card loses its buttons and shows who decided and when (in each reader's own time zone),
 * and the answer is kept in the card's thread. A refusal (not an approver, own request, already decided) goes only
 * to the person who clicked.
 */
final class ApprovalCards {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalCards.class);
    private static final int MAX_CARDS = 2_000;
    private static final Pattern TASK_CODE = Pattern.compile("[Tt][0-9]{1,18}");

    private final SlackApi api;
    private final BlockKitRenderer renderer;
    private final Clock clock;
    private final SlackTexts texts;
    private final Map<String, List<LayoutBlock>> cards = new ConcurrentHashMap<>();

    ApprovalCards(SlackApi api, BlockKitRenderer renderer, Clock clock, SlackTexts texts) {
        this.api = Objects.requireNonNull(api, "api");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** Whether a button's value or a modal's metadata names a task, as approval cards put it there. */
    static boolean isTaskCode(String value) {
        return value != null && TASK_CODE.matcher(value).matches();
    }

    /** Keeps a card's blocks as Slack sent them with a click, to redraw it once decided. */
    void remember(String channel, String ts, List<LayoutBlock> blocks) {
        if (blocks == null || blocks.isEmpty()) {
            return;
        }
        if (cards.size() >= MAX_CARDS) {
            cards.clear();
        }
        cards.put(channel + "/" + ts, List.copyOf(blocks));
    }

    /** Shows the core's answer to a click: on the card when it is a decision, to the clicker alone otherwise. */
    MessageHandle answer(ThreadRef click, Reply reply) {
        String channel = click.channelId();
        String cardTs = click.extras().get(SlackThreads.CARD_TS);
        Rendered rendered = renderer.render(reply);
        if (reply.kind() == Reply.Kind.DECISION) {
            api.update(channel, cardTs, rendered.text(), decidedCard(channel, cardTs, reply));
            SlackApi.Posted posted = api.postMessage(channel, cardTs, rendered.text(), rendered.blocks());
            return new MessageHandle(click, posted.ts());
        }
        String responseUrl = click.extras().get(SlackThreads.RESPONSE_URL);
        String user = click.extras().get(SlackThreads.USER);
        try {
            if (responseUrl != null) {
                api.respond(responseUrl, true, rendered.text(), rendered.blocks());
            } else {
                api.postEphemeral(channel, user, cardTs, rendered.text(), rendered.blocks());
            }
        } catch (SlackCallException e) {
            LOG.warn("could not tell {} the answer to their click: {}", user, e.error());
        }
        return new MessageHandle(click, SlackThreadNotifier.EPHEMERAL_PREFIX + cardTs);
    }

    private List<LayoutBlock> decidedCard(String channel, String cardTs, Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<LayoutBlock> original = cards.remove(channel + "/" + cardTs);
        if (original != null) {
            original.stream().filter(b -> !(b instanceof ActionsBlock)).forEach(blocks::add);
        }
        String first = reply.plainText().strip().lines().findFirst().orElse("");
        String when = BlockKitRenderer.dateToken(clock.instant());
        blocks.add(ContextBlock.builder().elements(List.of(
                PlainTextObject.builder().text(BlockKitRenderer.tonePrefix(reply.tone()) + first).emoji(false).build(),
                MarkdownTextObject.builder().text(texts.format("slack.decided") + " " + when).build())).build());
        return blocks;
    }
}
