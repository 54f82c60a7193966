package io.vdibot.commands.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Counts take the singular for one and words for none; a status is named, not conjugated. */
class CountsAndStatusWordingTest {

    private final Messages english = Messages.forLocale(Locale.ENGLISH);

    @Test
    void oneLogEntryIsSingularAndNoneIsSaidInWords() {
        assertThat(english.format("pool.result.logs", 1, 0, "T1000"))
                .isEqualTo("Log: 1 deploy entry and no error entries in this run; /vdi logs T1000 shows them.");
        assertThat(english.format("pool.result.logs", 12, 1, "T1000"))
                .isEqualTo("Log: 12 deploy entries and 1 error entry in this run; /vdi logs T1000 shows them.");
        assertThat(english.format("pool.result.logs", 1234, 2, "T1000")).startsWith("Log: 1,234 deploy entries and 2 error entries");
    }

    @Test
    void aTaskThatIsNoLongerWaitingNamesItsStatus() {
        String succeeded = english.format("task.status.succeeded");
        assertThat(english.format("approval.not-pending", "T1000", succeeded))
                .isEqualTo("Task T1000 is not waiting for approval; its status is: succeeded.")
                .doesNotContain("it is succeeded");
        assertThat(english.format("cancel.not-possible", "T1000", succeeded))
                .isEqualTo("Task T1000 cannot be cancelled now; its status is: succeeded.");
    }
}
