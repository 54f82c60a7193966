package io.vdibot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import io.vdibot.commands.reply.Reply;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * How the answer to a click on an approval card is shown, told by the reply's kind alone: a decision redraws the
 * card for everyone, anything else reaches only the person who clicked. The words are the same in every case, so
 * nothing can be told from them.
 */
class ApprovalCardsTest {

    private static final String WORDS = "Task T7 (vm.create) was approved by Bob.";
    private static final List<LayoutBlock> CARD = List.of(
            SectionBlock.builder().blockId("ask").build(),
            ActionsBlock.builder().elements(List.of(ButtonElement.builder().actionId("approve").value("T7").build()))
                    .build());

    private final RecordingApi api = new RecordingApi();
    private final ApprovalCards cards = new ApprovalCards(api, new BlockKitRenderer(), Clock.systemUTC(),
            SlackTexts.forLocale(Locale.ENGLISH));

    @Test
    void aDecisionRedrawsTheCardWithoutItsButtonsAndAnswersInItsThread() {
        cards.remember("C0APPROVE", "100.1", CARD);

        cards.answer(click("https://hooks.example/r1"), Reply.builder().kind(Reply.Kind.DECISION)
                .tone(Reply.Tone.SUCCESS).text(WORDS).build());

        assertThat(api.calls).containsExactly("update C0APPROVE 100.1", "post C0APPROVE 100.1");
        assertThat(api.redrawn).isNotEmpty().noneMatch(ActionsBlock.class::isInstance);
        assertThat(api.redrawn.get(0).getBlockId()).isEqualTo("ask");
    }

    @Test
    void aRefusalGoesToTheClickerAloneAndLeavesTheCard() {
        cards.remember("C0APPROVE", "100.1", CARD);

        cards.answer(click("https://hooks.example/r1"), Reply.builder().kind(Reply.Kind.REFUSAL)
                .tone(Reply.Tone.WARNING).text(WORDS).build());

        assertThat(api.calls).containsExactly("respond https://hooks.example/r1 ephemeral");
    }

    @Test
    void withoutAResponseUrlTheClickerGetsAnEphemeralMessage() {
        cards.answer(click(null), Reply.refusal(WORDS));

        assertThat(api.calls).containsExactly("ephemeral C0APPROVE U0BOB 100.1");
    }

    private static io.vdibot.commands.port.ThreadRef click(String responseUrl) {
        return SlackThreads.click("C0APPROVE", "100.1", "U0BOB", "approve", responseUrl);
    }

    /** The Web API as far as approval cards use it, recording each call instead of making it. */
    private static final class RecordingApi extends SlackApi {

        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile List<LayoutBlock> redrawn = List.of();

        RecordingApi() {
            super(Slack.getInstance(), "xoxb-unused");
        }

        @Override
        public void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
            calls.add("update " + channel + " " + ts);
            redrawn = blocks;
        }

        @Override
        public Posted postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
            calls.add("post " + channel + " " + threadTs);
            return new Posted(channel, "100.2");
        }

        @Override
        public void respond(String responseUrl, boolean ephemeral, String text, List<LayoutBlock> blocks) {
            calls.add("respond " + responseUrl + (ephemeral ? " ephemeral" : ""));
        }

        @Override
        public void postEphemeral(String channel, String user, String threadTs, String text,
                                  List<LayoutBlock> blocks) {
            calls.add("ephemeral " + channel + " " + user + " " + threadTs);
        }
    }
}
