package io.vdibot.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What may be a secret never reaches the audit trail; everything else stays as typed. */
class CommandTextsTest {

    @Test
    void secretsAndScriptsAreMasked() {
        assertThat(CommandTexts.mask("/vdi vm create a template=t init=\"echo pw=hunter2 > /x\" at=+1h"))
                .isEqualTo("/vdi vm create a template=t init=<script, 20 characters> at=+1h");
        assertThat(CommandTexts.mask("/vdi x password=hunter2 token='abc def' api-key=K1 Secret=s"))
                .isEqualTo("/vdi x password=*** token=*** api-key=*** Secret=***");
        assertThat(CommandTexts.mask("/vdi pool update p description=\"keys and tokens\" prestarted=2"))
                .isEqualTo("/vdi pool update p description=\"keys and tokens\" prestarted=2");
    }

    @Test
    void aSecretIsTheWholeWordAsTheGrammarReadsIt() {
        // phones and macOS type smart quotes; the grammar takes them, so the mask must too
        assertThat(CommandTexts.mask("/vdi vm create a template=t init=\u201Cecho pw=hunter2 > /x\u201D at=+1h"))
                .isEqualTo("/vdi vm create a template=t init=<script, 20 characters> at=+1h");
        assertThat(CommandTexts.mask("/vdi x password=\u2018correct horse\u2019 token=ab\"c d\" key=\"never closed here"))
                .isEqualTo("/vdi x password=*** token=*** key=***");
        assertThat(CommandTexts.mask("/vdi x secret=\"say \\\"hi\\\" twice\" page=2"))
                .isEqualTo("/vdi x secret=*** page=2");
        assertThat(CommandTexts.mask("/vdi x token= page=2")).isEqualTo("/vdi x token= page=2");
    }

    @Test
    void aLongScriptIsMaskedNotAStackOverflow() {
        String script = "echo '; DROP TABLE task; --' ".repeat(4_000);

        assertThat(CommandTexts.mask("/vdi vm create a template=t init=\"" + script + "\" at=+1h"))
                .isEqualTo("/vdi vm create a template=t init=<script, " + script.length() + " characters> at=+1h");
    }
}
