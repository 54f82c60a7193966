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
}
