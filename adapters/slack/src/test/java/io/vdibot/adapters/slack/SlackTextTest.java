package io.vdibot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.parse.Tokenizer;
import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void slacksEscapesAndLinksBecomeWhatWasTyped() {
        assertThat(SlackText.plain("pool create a description=\"R&amp;D &lt;dev&gt;\""))
                .isEqualTo("pool create a description=\"R&D <dev>\"");
        assertThat(SlackText.plain("vm create x init=\"see <https://example.org/x|example.org/x>\""))
                .isEqualTo("vm create x init=\"see example.org/x\"");
        assertThat(SlackText.plain("notify <mailto:a@b.example|a@b.example> <https://c.example>"))
                .isEqualTo("notify a@b.example https://c.example");
    }

    @Test
    void aMentionLosesTheBotsNameOnly() {
        assertThat(SlackText.withoutLeadingMentions("<@U0VDIBOT> vdi list vms site=dc1"))
                .isEqualTo("vdi list vms site=dc1");
        assertThat(SlackText.withoutLeadingMentions("  <@U0VDIBOT|vdibot>   sites")).isEqualTo("sites");
        assertThat(SlackText.withoutLeadingMentions("<@U0VDIBOT>")).isEmpty();
        assertThat(SlackText.withoutLeadingMentions("<@U0VDIBOT> tell <@U1> sites")).isEqualTo("tell @U1 sites");
    }

    @Test
    void aThousandMentionsAreRemovedNotAStackOverflow() {
        assertThat(SlackText.withoutLeadingMentions("<@U0VDIBOT> <@U1|x>\t".repeat(5_000) + "sites"))
                .isEqualTo("sites");
    }

    @Test
    void aQuotedValueReadsBackAsOneWord() {
        String reason = "no \"budget\" in C:\\temp\nnext quarter";
        String quoted = SlackText.quoted(reason);
        var tokens = Tokenizer.tokenize("reject T1 reason=" + quoted).tokens();
        assertThat(tokens.get(tokens.size() - 1).value()).isEqualTo(reason);
    }
}
