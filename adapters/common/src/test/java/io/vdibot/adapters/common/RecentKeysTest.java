package io.vdibot.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentKeysTest {

    private final MovableClock clock = new MovableClock();
    private final RecentKeys keys = new RecentKeys(clock, 3);

    @Test
    void aKeyIsNewOnceWithinItsTimeToLive() {
        assertThat(keys.firstSeen("a", Duration.ofSeconds(30))).isTrue();
        assertThat(keys.firstSeen("a", Duration.ofSeconds(30))).isFalse();

        clock.now = clock.now.plusSeconds(31);

        assertThat(keys.firstSeen("a", Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aForgottenKeyIsNewAgain() {
        keys.firstSeen("a", Duration.ofMinutes(15));
        keys.forget("a");

        assertThat(keys.firstSeen("a", Duration.ofMinutes(15))).isTrue();
    }

    @Test
    void theOldestKeyMakesRoomWhenTheTableIsFull() {
        for (String key : new String[] {"a", "b", "c", "d"}) {
            keys.firstSeen(key, Duration.ofMinutes(15));
        }

        assertThat(keys.size()).isEqualTo(3);
        assertThat(keys.firstSeen("d", Duration.ofMinutes(15))).isFalse();
        assertThat(keys.firstSeen("a", Duration.ofMinutes(15))).isTrue();
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
