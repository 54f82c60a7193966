package io.vdibot.persistence.task;

import com.zaxxer.hikari.HikariDataSource;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.Concurrently;
import io.vdibot.persistence.MutableClock;
import io.vdibot.persistence.TaskFixtures;
import io.vdibot.persistence.TestDatabase;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskRepositoryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:15:30.123456Z"));
    private final TaskRepository tasks = new TaskRepository(TestDatabase.dataSource(), clock);

    @Test
    void insertStoresEveryFieldAndReadsItBack() {
        Requester requester = new Requester(Platform.TEAMS, TestDatabase.unique("29:1aad"), "wli", "Wei Li");
        NewTask request = TaskFixtures.newTask(TaskStatus.PENDING_APPROVAL, TestDatabase.unique("act"), requester);

        TaskRecord stored = tasks.insert(request);

        assertThat(stored.id()).isGreaterThanOrEqualTo(1000);
        assertThat(stored.code()).isEqualTo("T" + stored.id());
        assertThat(stored.commandId()).isEqualTo("vm.create");
        assertThat(stored.requestJson()).isEqualTo(request.requestJson());
        assertThat(stored.status()).isEqualTo(TaskStatus.PENDING_APPROVAL);
        assertThat(stored.site()).isEqualTo("paris");
        assertThat(stored.requester()).isEqualTo(requester);
        assertThat(stored.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(stored.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(stored.threadRefJson()).isEqualTo(request.threadRefJson());
        assertThat(stored.idempotencyKey()).isEqualTo(request.idempotencyKey());
        assertThat(stored.runAt()).isEqualTo(request.runAt());
        assertThat(stored.createdAt()).isEqualTo(clock.instant()).isEqualTo(stored.updatedAt());
        assertThat(stored.startedAt()).isNull();
        assertThat(stored.finishedAt()).isNull();
        assertThat(stored.approval()).isEqualTo(new TaskApproval(true, null, null, null));
        assertThat(stored.claimedBy()).isNull();
        assertThat(stored.heartbeatAt()).isNull();
        assertThat(stored.resultSummary()).isNull();
        assertThat(stored.version()).isZero();
        assertThat(tasks.findById(stored.id())).contains(stored);
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        NewTask bare = new NewTask("inventory.refresh", "{}", TaskStatus.SCHEDULED, null,
                new Requester(Platform.CONSOLE, TestDatabase.unique("console"), null, null),
                null, null, null, null, Instant.parse("2026-03-01T10:00:00Z"));

        TaskRecord stored = tasks.insert(bare);

        assertThat(stored.site()).isNull();
        assertThat(stored.locale()).isNull();
        assertThat(stored.timeZone()).isNull();
        assertThat(stored.threadRefJson()).isNull();
        assertThat(stored.idempotencyKey()).isNull();
        assertThat(stored.approval().required()).isFalse();
    }

    @Test
    void twentyConcurrentInsertsWithOneIdempotencyKeyStoreOneTaskAndAllGetIt() throws Exception {
        String key = TestDatabase.unique("trigger");
        Requester requester = new Requester(Platform.SLACK, TestDatabase.unique("U"), null, null);

        List<TaskInsertion> insertions = Concurrently.run(20,
                caller -> tasks.insertOrFind(TaskFixtures.newTask(TaskStatus.SCHEDULED, key, requester)));

        assertThat(insertions).extracting(insertion -> insertion.task().id()).containsOnly(insertions.get(0).task().id());
        assertThat(insertions).filteredOn(TaskInsertion::created).hasSize(1);
        assertThat(tasks.findByIdempotencyKey(key)).map(TaskRecord::id).contains(insertions.get(0).task().id());
    }

    @Test
    void aRepeatedRequestGetsTheFirstTaskEvenWhenItsContentDiffers() {
        String key = TestDatabase.unique("trigger");
        Requester requester = new Requester(Platform.SLACK, TestDatabase.unique("U"), null, null);
        TaskRecord first = tasks.insert(TaskFixtures.newTask(TaskStatus.SCHEDULED, key, requester));

        TaskInsertion retry = tasks.insertOrFind(new NewTask("pool.create", "{\"retry\": true}",
                TaskStatus.PENDING_APPROVAL, "lyon", requester, null, null, null, key, Instant.now()));

        assertThat(retry.created()).isFalse();
        assertThat(retry.task()).isEqualTo(first);
    }

    @Test
    void findByCodeAcceptsEitherCaseAndNothingElse() {
        TaskRecord task = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);

        assertThat(tasks.findByCode("T" + task.id())).contains(task);
        assertThat(tasks.findByCode("t" + task.id())).contains(task);
        assertThat(tasks.findByCode(" T" + task.id() + " ")).contains(task);
        assertThat(tasks.findByCode(String.valueOf(task.id()))).isEmpty();
        assertThat(tasks.findByCode("X" + task.id())).isEmpty();
        assertThat(tasks.findByCode("T")).isEmpty();
        assertThat(tasks.findByCode(null)).isEmpty();
        assertThat(tasks.findByCode("T999999999")).isEmpty();
    }

    @Test
    void idsAreUniqueAndIncreasingAcrossTwoProcessesSharingTheDatabase() throws Exception {
        try (HikariDataSource otherProcess = TestDatabase.anotherPool()) {
            List<TaskRepository> repositories = List.of(tasks, new TaskRepository(otherProcess));

            List<List<Long>> idsPerCaller = Concurrently.run(4, caller -> {
                TaskRepository repository = repositories.get(caller % 2);
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    ids.add(repository.insert(TaskFixtures.newTask(TaskStatus.SCHEDULED)).id());
                }
                return ids;
            });

            List<Long> all = idsPerCaller.stream().flatMap(List::stream).toList();
            assertThat(all).hasSize(60).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(1000));
            assertThat(idsPerCaller).allSatisfy(ids -> assertThat(ids).isSorted());
        }
    }

    @Test
    void ofTwoNodesClaimingTheSameTaskExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            TaskRecord task = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);

            List<Boolean> won = Concurrently.run(2, node -> tasks.claim(task.id(), "node-" + node));

            assertThat(won).containsExactlyInAnyOrder(true, false);
            TaskRecord running = tasks.findById(task.id()).orElseThrow();
            assertThat(running.status()).isEqualTo(TaskStatus.RUNNING);
            assertThat(running.claimedBy()).isEqualTo("node-" + won.indexOf(true));
            assertThat(running.startedAt()).isEqualTo(clock.instant());
            assertThat(running.heartbeatAt()).isEqualTo(clock.instant());
            assertThat(running.version()).isEqualTo(1);
        }
    }

    @Test
    void onlyAScheduledTaskCanBeClaimed() {
        TaskRecord waiting = TaskFixtures.storedTask(tasks, TaskStatus.PENDING_APPROVAL);

        assertThat(tasks.claim(waiting.id(), "node-a")).isFalse();
        assertThat(tasks.findById(waiting.id()).orElseThrow()).isEqualTo(waiting);
    }

    @Test
    void transitionIsACompareAndSetOnTheCurrentStatus() {
        TaskRecord task = TaskFixtures.storedTask(tasks, TaskStatus.PENDING_APPROVAL);
        clock.advance(Duration.ofMinutes(5));

        assertThat(tasks.transition(task.id(), TaskStatus.SCHEDULED, TaskStatus.CANCELLED)).isFalse();
        assertThat(tasks.transition(task.id(), EnumSet.noneOf(TaskStatus.class), TaskStatus.CANCELLED)).isFalse();
        assertThat(tasks.findById(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.PENDING_APPROVAL);

        assertThat(tasks.transition(task.id(), EnumSet.of(TaskStatus.PENDING_APPROVAL, TaskStatus.SCHEDULED),
                TaskStatus.CANCELLED)).isTrue();
        assertThat(tasks.transition(task.id(), EnumSet.of(TaskStatus.PENDING_APPROVAL, TaskStatus.SCHEDULED),
                TaskStatus.CANCELLED)).isFalse();

        TaskRecord cancelled = tasks.findById(task.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.finishedAt()).isEqualTo(clock.instant());
        assertThat(cancelled.updatedAt()).isEqualTo(clock.instant());
        assertThat(cancelled.version()).isEqualTo(1);
    }

    @Test
    void aNonFinalTransitionLeavesFinishedAtEmpty() {
        TaskRecord task = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        tasks.claim(task.id(), "node-a");

        assertThat(tasks.transition(task.id(), TaskStatus.RUNNING, TaskStatus.SCHEDULED)).isTrue();

        TaskRecord requeued = tasks.findById(task.id()).orElseThrow();
        assertThat(requeued.status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(requeued.finishedAt()).isNull();
        assertThat(requeued.version()).isEqualTo(2);
    }

    @Test
    void ofTwoApproversDecidingAtOnceOnlyTheFirstCounts() throws Exception {
        TaskRecord task = TaskFixtures.storedTask(tasks, TaskStatus.PENDING_APPROVAL);

        List<Boolean> counted = Concurrently.run(2, approver -> approver == 0
                ? tasks.recordDecision(task.id(), ApprovalVerdict.APPROVED, "alice", "change CHG-1234")
                : tasks.recordDecision(task.id(), ApprovalVerdict.REJECTED, "bob", "not this week"));

        assertThat(counted).containsExactlyInAnyOrder(true, false);
        TaskRecord decided = tasks.findById(task.id()).orElseThrow();
        TaskApproval approval = decided.approval();
        assertThat(approval.required()).isTrue();
        assertThat(approval.decidedAt()).isEqualTo(clock.instant());
        if (counted.get(0)) {
            assertThat(decided.status()).isEqualTo(TaskStatus.SCHEDULED);
            assertThat(approval.decidedBy()).isEqualTo("alice");
            assertThat(approval.reason()).isEqualTo("change CHG-1234");
            assertThat(decided.finishedAt()).isNull();
        } else {
            assertThat(decided.status()).isEqualTo(TaskStatus.REJECTED);
            assertThat(approval.decidedBy()).isEqualTo("bob");
            assertThat(approval.reason()).isEqualTo("not this week");
            assertThat(decided.finishedAt()).isEqualTo(clock.instant());
        }
        assertThat(tasks.recordDecision(task.id(), ApprovalVerdict.APPROVED, "carol", null)).isFalse();
    }

    @Test
    void aTaskThatNeedsNoApprovalCannotBeDecided() {
        TaskRecord task = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);

        assertThat(tasks.recordDecision(task.id(), ApprovalVerdict.REJECTED, "mallory", null)).isFalse();
        assertThat(tasks.findById(task.id()).orElseThrow().approval().isDecided()).isFalse();
    }

    @Test
    void heartbeatsKeepANodesTasksAliveAndSilenceRevealsTheDeadOnes() {
        // Far in the past, so running tasks of other tests are never older than the threshold here.
        clock.set(Instant.parse("2001-05-01T12:00:00Z"));
        TaskRecord onDeadNode = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        TaskRecord onLiveNode = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        String deadNode = TestDatabase.unique("node-dead");
        String liveNode = TestDatabase.unique("node-live");
        tasks.claim(onDeadNode.id(), deadNode);
        tasks.claim(onLiveNode.id(), liveNode);

        clock.advance(Duration.ofSeconds(90));
        assertThat(tasks.heartbeat(liveNode)).isEqualTo(1);
        assertThat(tasks.heartbeat(TestDatabase.unique("node-idle"))).isZero();
        Instant threshold = clock.instant().minusSeconds(60);

        List<TaskRecord> orphaned = tasks.findRunningClaimedByDeadNodes(threshold);

        assertThat(orphaned).extracting(TaskRecord::id).contains(onDeadNode.id()).doesNotContain(onLiveNode.id());
        assertThat(tasks.findById(onLiveNode.id()).orElseThrow().heartbeatAt()).isEqualTo(clock.instant());
        assertThat(tasks.findById(onLiveNode.id()).orElseThrow().version())
                .as("a heartbeat is not a change of state").isEqualTo(1);
    }

    @Test
    void onlyOneSurvivorTakesOverADeadNodesTaskAndASlowNodeThatReportedKeepsIt() throws Exception {
        clock.set(Instant.parse("2001-06-01T12:00:00Z"));
        TaskRecord orphan = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        TaskRecord slow = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        String deadNode = TestDatabase.unique("node-dead");
        String slowNode = TestDatabase.unique("node-slow");
        tasks.claim(orphan.id(), deadNode);
        tasks.claim(slow.id(), slowNode);
        clock.advance(Duration.ofMinutes(5));
        Instant threshold = clock.instant().minusSeconds(60);

        List<Boolean> tookOver = Concurrently.run(3,
                survivor -> tasks.takeOver(orphan.id(), deadNode, threshold, "survivor-" + survivor));
        tasks.heartbeat(slowNode);
        boolean stolen = tasks.takeOver(slow.id(), slowNode, threshold, "survivor-x");

        assertThat(tookOver).containsOnlyOnce(true);
        TaskRecord resumed = tasks.findById(orphan.id()).orElseThrow();
        assertThat(resumed.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(resumed.claimedBy()).isEqualTo("survivor-" + tookOver.indexOf(true));
        assertThat(resumed.heartbeatAt()).isEqualTo(clock.instant());
        assertThat(stolen).isFalse();
        assertThat(tasks.findById(slow.id()).orElseThrow().claimedBy()).isEqualTo(slowNode);
    }

    @Test
    void aResultLeftUnpostedByADeadNodeIsTakenOverByOneSurvivorAndPostedOnce() throws Exception {
        clock.set(Instant.parse("2001-07-01T12:00:00Z"));
        TaskRecord deadNodes = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        TaskRecord liveNodes = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        TaskRecord posted = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        String deadNode = TestDatabase.unique("node-dead");
        String liveNode = TestDatabase.unique("node-live");
        tasks.claim(deadNodes.id(), deadNode);
        tasks.claim(liveNodes.id(), liveNode);
        tasks.claim(posted.id(), deadNode);
        tasks.finish(deadNodes.id(), TaskStatus.SUCCEEDED, "1 VM up");
        tasks.finish(liveNodes.id(), TaskStatus.FAILED, "no such template");
        tasks.finish(posted.id(), TaskStatus.SUCCEEDED, "1 VM up");
        tasks.resultPosted(posted.id());

        clock.advance(Duration.ofMinutes(5));
        tasks.heartbeat(liveNode);
        Instant threshold = clock.instant().minusSeconds(60);
        List<TaskRecord> pending = tasks.findResultsPendingOnDeadNodes(threshold);

        assertThat(pending).extracting(TaskRecord::id).contains(deadNodes.id())
                .as("a live node still posting, and a result already posted").doesNotContain(liveNodes.id(), posted.id());
        assertThat(tasks.takeOverResult(liveNodes.id(), liveNode, threshold, "survivor-x")).isFalse();
        List<Boolean> tookOver = Concurrently.run(3,
                survivor -> tasks.takeOverResult(deadNodes.id(), deadNode, threshold, "survivor-" + survivor));
        assertThat(tookOver).containsOnlyOnce(true);
        TaskRecord mine = tasks.findById(deadNodes.id()).orElseThrow();
        assertThat(mine.claimedBy()).isEqualTo("survivor-" + tookOver.indexOf(true));
        assertThat(mine.status()).as("the outcome stays as the dead node recorded it").isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(mine.resultSummary()).isEqualTo("1 VM up");
        assertThat(mine.version()).as("posting a result is not a change of state").isEqualTo(deadNodes.version() + 2);

        tasks.resultPosted(deadNodes.id());
        clock.advance(Duration.ofMinutes(5));
        assertThat(tasks.findResultsPendingOnDeadNodes(clock.instant()))
                .extracting(TaskRecord::id).doesNotContain(deadNodes.id(), posted.id()).contains(liveNodes.id());
    }

    @Test
    void finishEndsARunningTaskOnceWithItsSummary() {
        TaskRecord task = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        tasks.claim(task.id(), "node-a");
        clock.advance(Duration.ofMinutes(7));

        assertThat(tasks.finish(task.id(), TaskStatus.SUCCEEDED, "2 VMs up: 10.1.2.3, 10.1.2.4")).isTrue();
        assertThat(tasks.finish(task.id(), TaskStatus.FAILED, "too late")).isFalse();

        TaskRecord done = tasks.findById(task.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.resultSummary()).isEqualTo("2 VMs up: 10.1.2.3, 10.1.2.4");
        assertThat(done.finishedAt()).isEqualTo(clock.instant());
        assertThat(done.startedAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(7)));
    }

    @Test
    void finishNeedsARunningTaskAndAFinalStatus() {
        TaskRecord scheduled = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);

        assertThat(tasks.finish(scheduled.id(), TaskStatus.SUCCEEDED, "never ran")).isFalse();
        assertThatThrownBy(() -> tasks.finish(scheduled.id(), TaskStatus.RUNNING, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tasks.findById(scheduled.id()).orElseThrow().status()).isEqualTo(TaskStatus.SCHEDULED);
    }

    @Test
    void rescheduleIsRefusedWhenTheTaskChangedSinceItWasRead() {
        TaskRecord read = TaskFixtures.storedTask(tasks, TaskStatus.PENDING_APPROVAL);
        Instant later = Instant.parse("2031-02-03T04:05:06.789Z");

        assertThat(tasks.reschedule(read.id(), read.version(), later)).isTrue();
        assertThat(tasks.reschedule(read.id(), read.version(), Instant.parse("2032-01-01T00:00:00Z"))).isFalse();

        TaskRecord rescheduled = tasks.findById(read.id()).orElseThrow();
        assertThat(rescheduled.runAt()).isEqualTo(later);
        assertThat(rescheduled.version()).isEqualTo(read.version() + 1);
    }

    @Test
    void aStartedTaskCannotBeRescheduled() {
        TaskRecord task = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        tasks.claim(task.id(), "node-a");
        int version = tasks.findById(task.id()).orElseThrow().version();

        assertThat(tasks.reschedule(task.id(), version, Instant.parse("2031-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void searchesByDirectoryUserInAnyCaseMostRecentFirstAPageAtATime() {
        String uid = TestDatabase.unique("carol");
        Requester requester = new Requester(Platform.SLACK, TestDatabase.unique("U"), uid, "Carol");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(1));
            ids.add(tasks.insert(TaskFixtures.newTask(TaskStatus.SCHEDULED, null, requester)).id());
        }

        TaskSearch search = new TaskSearch(TestDatabase.dataSource());
        TaskSearch.Criteria criteria = new TaskSearch.Criteria(EnumSet.allOf(TaskStatus.class),
                uid.toUpperCase(java.util.Locale.ROOT), null, null);

        TaskSearch.Page first = search.find(criteria, 0, 3);
        assertThat(first.tasks()).extracting(TaskRecord::id).containsExactly(ids.get(3), ids.get(2), ids.get(1));
        assertThat(first.total()).isEqualTo(4);
        assertThat(search.find(criteria, 3, 3).tasks()).extracting(TaskRecord::id).containsExactly(ids.get(0));
        assertThat(search.find(new TaskSearch.Criteria(EnumSet.allOf(TaskStatus.class), uid, "pool.delete", null), 0, 3)
                .total()).isZero();
        java.time.Instant third = tasks.findById(ids.get(2)).orElseThrow().createdAt();
        assertThat(search.find(new TaskSearch.Criteria(EnumSet.allOf(TaskStatus.class), uid, null, third), 0, 3)
                .tasks()).extracting(TaskRecord::id).containsExactly(ids.get(3), ids.get(2));
    }

    @Test
    void listsByStatusMostRecentFirstWithinTheLimit() {
        // Created later than anything else in the shared database, so these come first.
        clock.set(Instant.parse("2199-01-01T00:00:00Z"));
        TaskRecord waiting = TaskFixtures.storedTask(tasks, TaskStatus.PENDING_APPROVAL);
        clock.advance(Duration.ofSeconds(1));
        TaskRecord scheduled = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        clock.advance(Duration.ofSeconds(1));
        TaskRecord cancelled = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED);
        tasks.transition(cancelled.id(), TaskStatus.SCHEDULED, TaskStatus.CANCELLED);

        List<TaskRecord> open = tasks.listByStatus(Set.of(TaskStatus.PENDING_APPROVAL, TaskStatus.SCHEDULED), 2);

        assertThat(open).extracting(TaskRecord::id).containsExactly(scheduled.id(), waiting.id());
        assertThat(tasks.listByStatus(Set.of(), 10)).isEmpty();
    }

    @Test
    void theDatabaseRejectsARequestThatIsNotJson() {
        NewTask broken = new NewTask("vm.create", "{not json", TaskStatus.SCHEDULED, null,
                new Requester(Platform.CONSOLE, "ops", null, null), null, null, null, null, Instant.now());

        assertThatThrownBy(() -> tasks.insert(broken)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aNewTaskCannotStartInAFinalStatus() {
        assertThatThrownBy(() -> TaskFixtures.newTask(TaskStatus.SUCCEEDED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
