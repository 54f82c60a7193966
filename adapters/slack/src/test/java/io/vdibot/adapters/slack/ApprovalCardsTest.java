package io.vdibot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Which answers to a click are decisions (the card is redrawn) and which are refusals (only the clicker hears). */
class ApprovalCardsTest {

    private final ApprovalCards cards = new ApprovalCards(new SlackApi(Slack.getInstance(), "xoxb-unused"),
            new BlockKitRenderer(), Clock.systemUTC(), SlackTexts.forLocale(Locale.ENGLISH));

    @Test
    void approvalsAndRejectionsAreDecisionsInBothLanguages() {
        for (Locale locale : Messages.supportedLocales()) {
            Messages m = Messages.forLocale(locale);
            assertThat(cards.isDecision(Reply.builder().tone(Reply.Tone.SUCCESS)
                    .text(m.format("reply.task.approved", "T7", "vm.create", "Bob")).build())).isTrue();
            assertThat(cards.isDecision(Reply.builder().tone(Reply.Tone.WARNING)
                    .text(m.format("reply.task.rejected", "T7", "vm.create", "Carol", "no budget")).build())).isTrue();
        }
    }

    @Test
    void refusalsAndNonAnswersAreNot() {
        for (Locale locale : Messages.supportedLocales()) {
            Messages m = Messages.forLocale(locale);
            for (String key : new String[] {"reply.denied", "reply.approval.self", "reply.unknown-user"}) {
                assertThat(cards.isDecision(Reply.builder().tone(Reply.Tone.WARNING).text(m.format(key)).build()))
                        .as(key + " in " + locale).isFalse();
            }
            assertThat(cards.isDecision(Reply.text(m.format("reply.task.not-found", "T9")))).isFalse();
            assertThat(cards.isDecision(Reply.builder().tone(Reply.Tone.ERROR)
                    .text(m.format("reply.directory-unavailable")).build())).isFalse();
        }
    }
}
