package io.vdibot.rhev.task;

import io.vdibot.commands.i18n.Durations;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskHelpersTest {

    @Test
    void durationsReadShort() {
        assertThat(Durations.format(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Durations.format(Duration.ofMillis(12_400))).isEqualTo("12 s");
        assertThat(Durations.format(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Durations.format(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(Durations.format(Duration.ofMinutes(62))).isEqualTo("1 h 2 min");
    }

    @Test
    void correlationIdsAreWhatTheEngineKeeps() {
        assertThat(CorrelationIds.of("T1042", "create-vm")).isEqualTo("T1042-create-vm");
        assertThat(CorrelationIds.of("T1042", "step with spaces/and:junk")).isEqualTo("T1042-stepwithspacesandjunk");
        assertThat(CorrelationIds.of("T1042", "a-very-long-step-name-that-goes-on-and-on")).hasSize(36);
    }
}
