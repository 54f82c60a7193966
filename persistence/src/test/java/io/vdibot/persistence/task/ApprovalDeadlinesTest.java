package io.vdibot.persistence.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.Concurrently;
import io.vdibot.persistence.MutableClock;
import io.vdibot.persistence.TaskFixtures;
import io.vdibot.persistence.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalDeadlinesTest {

    private static final Duration REMIND = Duration.ofHours(4);
    private static final Duration EXPIRE = Duration.ofDays(3);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T08:00:00Z"));
    private final TaskRepository tasks = new TaskRepository(TestDatabase.dataSource(), clock);
    /** Two bot processes: each its own repository over the one database. */
    private final ApprovalDeadlines nodeA = new ApprovalDeadlines(TestDatabase.dataSource(), clock);
    private final ApprovalDeadlines nodeB = new ApprovalDeadlines(TestDatabase.dataSource(), clock);

    @Test
    void aWaitingTaskIsDueForAReminderOnceItsApproversHaveBeenQuietForTheInterval() {
        TaskRecord task = tasks.insert(TaskFixtures.newTask(TaskStatus.PENDING_APPROVAL));

        clock.advance(REMIND.minusSeconds(1));
        assertThat(ids(nodeA.quietSince(clock.instant().minus(REMIND)))).doesNotContain(task.id());
        assertThat(nodeA.claimReminder(task.id(), clock.instant().minus(REMIND))).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(ids(nodeA.quietSince(clock.instant().minus(REMIND)))).contains(task.id());
        assertThat(nodeA.claimReminder(task.id(), clock.instant().minus(REMIND))).isTrue();
        // reminded now: quiet again for a whole interval before the next one
        assertThat(ids(nodeB.quietSince(clock.instant().minus(REMIND)))).doesNotContain(task.id());
        clock.advance(REMIND);
        assertThat(nodeB.claimReminder(task.id(), clock.instant().minus(REMIND))).isTrue();
    }

    @Test
    void ofTwoNodesClaimingOneReminderAtOnceExactlyOneWins() throws Exception {
        TaskRecord task = tasks.insert(TaskFixtures.newTask(TaskStatus.PENDING_APPROVAL));
        clock.advance(REMIND.plusMinutes(1));
        Instant quietSince = clock.instant().minus(REMIND);

        List<Boolean> claims = Concurrently.run(8,
                caller -> (caller % 2 == 0 ? nodeA : nodeB).claimReminder(task.id(), quietSince));

        assertThat(claims).containsOnlyOnce(true);
    }

    @Test
    void ofTwoNodesExpiringOneTaskAtOnceExactlyOneWinsAndTheTaskEndsExpired() throws Exception {
        TaskRecord task = tasks.insert(TaskFixtures.newTask(TaskStatus.PENDING_APPROVAL));
        clock.advance(EXPIRE);
        Instant askedBy = clock.instant().minus(EXPIRE);
        assertThat(ids(nodeA.askedBy(askedBy))).contains(task.id());

        List<Boolean> expiries = Concurrently.run(8,
                caller -> (caller % 2 == 0 ? nodeA : nodeB).expire(task.id(), askedBy));

        assertThat(expiries).containsOnlyOnce(true);
        TaskRecord expired = tasks.findById(task.id()).orElseThrow();
        assertThat(expired.status()).isEqualTo(TaskStatus.EXPIRED);
        assertThat(expired.finishedAt()).isEqualTo(clock.instant());
        assertThat(expired.approval().decidedBy()).isNull();
        assertThat(ids(nodeA.askedBy(askedBy))).doesNotContain(task.id());
        assertThat(nodeA.claimReminder(task.id(), clock.instant())).isFalse();
        // an expired task cannot be decided any more
        assertThat(tasks.recordDecision(task.id(), ApprovalVerdict.APPROVED, "bob", null)).isFalse();
    }

    @Test
    void aDecidedTaskIsNeitherRemindedNorExpiredAndATaskNotYetDueDoesNotExpire() {
        TaskRecord decided = tasks.insert(TaskFixtures.newTask(TaskStatus.PENDING_APPROVAL));
        TaskRecord young = tasks.insert(TaskFixtures.newTask(TaskStatus.PENDING_APPROVAL));
        assertThat(tasks.recordDecision(decided.id(), ApprovalVerdict.APPROVED, "bob", null)).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(nodeA.expire(young.id(), clock.instant().minus(EXPIRE))).isFalse();

        clock.advance(EXPIRE);
        Instant now = clock.instant();
        assertThat(nodeA.claimReminder(decided.id(), now.minus(REMIND))).isFalse();
        assertThat(nodeA.expire(decided.id(), now.minus(EXPIRE))).isFalse();
        assertThat(tasks.findById(decided.id()).orElseThrow().status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(tasks.findById(young.id()).orElseThrow().status()).isEqualTo(TaskStatus.PENDING_APPROVAL);
    }

    private static List<Long> ids(List<TaskRecord> records) {
        return records.stream().map(TaskRecord::id).toList();
    }
}
