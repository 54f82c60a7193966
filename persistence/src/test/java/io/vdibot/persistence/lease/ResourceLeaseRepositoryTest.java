package io.vdibot.persistence.lease;

import io.vdibot.persistence.Concurrently;
import io.vdibot.persistence.MutableClock;
import io.vdibot.persistence.TestDatabase;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceLeaseRepositoryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-07-07T07:07:07.070707Z"));
    private final ResourceLeaseRepository leases = new ResourceLeaseRepository(TestDatabase.dataSource(), clock);

    @Test
    void ofSixteenConcurrentCallersExactlyOneGetsTheLease() throws Exception {
        String key = TestDatabase.unique("export-domain");

        List<Boolean> acquired = Concurrently.run(16, caller -> leases.tryAcquire(key, "node-" + caller % 3, 5000L + caller));

        assertThat(acquired).containsOnlyOnce(true);
        int winner = acquired.indexOf(true);
        assertThat(leases.find(key)).contains(
                new LeaseRecord(key, "node-" + winner % 3, 5000L + winner, clock.instant(), null));
    }

    @Test
    void theHoldingTaskGetsItsLeaseAgainOnAnotherNodeButNobodyElseDoes() {
        String key = TestDatabase.unique("export-domain");
        assertThat(leases.tryAcquire(key, "node-a", 7001L, "moving template win11-base")).isTrue();

        assertThat(leases.tryAcquire(key, "node-b", 7002L)).isFalse();
        assertThat(leases.tryAcquire(key, "node-b", 7001L)).isTrue();
        assertThat(leases.tryAcquire(key, "node-b", 7001L)).isTrue();

        assertThat(leases.find(key)).contains(
                new LeaseRecord(key, "node-b", 7001L, clock.instant(), "moving template win11-base"));
    }

    @Test
    void onlyTheHolderReleasesButAnOperatorCanForceIt() {
        String key = TestDatabase.unique("export-domain");
        leases.tryAcquire(key, "node-a", 7101L);

        assertThat(leases.release(key, 7102L)).isFalse();
        assertThat(leases.find(key)).isPresent();
        assertThat(leases.forceRelease(key)).isTrue();
        assertThat(leases.forceRelease(key)).isFalse();
        assertThat(leases.find(key)).isEmpty();
        assertThat(leases.tryAcquire(key, "node-c", 7103L)).isTrue();
        assertThat(leases.release(key, 7103L)).isTrue();
        assertThat(leases.find(key)).isEmpty();
    }

    @Test
    void aFinishedTaskReleasesEverythingItHolds() {
        String first = TestDatabase.unique("export-domain");
        String second = TestDatabase.unique("template-name");
        String foreign = TestDatabase.unique("export-domain");
        leases.tryAcquire(first, "node-a", 7201L);
        leases.tryAcquire(second, "node-a", 7201L);
        leases.tryAcquire(foreign, "node-a", 7202L);

        assertThat(leases.list()).extracting(LeaseRecord::resourceKey).contains(first, second, foreign);
        assertThat(leases.releaseAll(7201L)).isEqualTo(2);
        assertThat(leases.list()).extracting(LeaseRecord::resourceKey).contains(foreign).doesNotContain(first, second);
    }
}
