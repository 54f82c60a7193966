package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.execution.NodeIdentity;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Tasks at a chosen time: they run then and not before, the time is shown in the requester's zone, a
 * scheduled task can be listed and cancelled (its trigger goes with it), and a bot that was down when a
 * task was due runs it as soon as it is back and says it ran late, while tasks due later run on time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulingEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    // a trigger more than 2 s overdue is a Quartz misfire, a task starting 2 s after its time says so, and one
    // scheduler thread makes a task wait for the one before it
    private static final Map<String, Object> SETTINGS = Map.of(
            "vdibot.execution.late-after", "2s",
            "spring.quartz.properties.org.quartz.jobStore.misfireThreshold", "2000",
            "spring.quartz.properties.org.quartz.threadPool.threadCount", "1");
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start(SETTINGS);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    @Order(1)
    void aTaskAtPlusFiveSecondsRunsThenAndNotBeforeAndShowsItsTimeInTheRequestersZone() throws Exception {
        bot.type("/login alice");
        Instant typed = Instant.now();
        bot.type("/vdi vm create sched-5s template=rhel9-desktop at=+5s");
        String task = bot.awaitTask("sched-5s", WAIT);
        String accepted = bot.awaitIn(task, "accepted", WAIT);
        TaskRecord stored = bot.task(task);
        // five seconds from when the line was read, stored in UTC
        assertThat(stored.runAt()).isBetween(typed.plusMillis(4900), typed.plusMillis(6000));
        assertThat(stored.timeZone()).isEqualTo(PARIS);
        assertThat(accepted).isEqualTo("Task " + task + " (vm create sched-5s template=rhel9-desktop) accepted; it will run at "
                + MINUTES.withZone(PARIS).format(stored.runAt()) + " Europe/Paris.");

        // not before its time
        while (Instant.now().isBefore(stored.runAt().minusMillis(300))) {
            assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SCHEDULED);
            assertThat(bot.thread(task)).noneMatch(l -> l.contains("has started"));
            Thread.sleep(200);
        }
        bot.awaitIn(task, "has started", WAIT);
        bot.awaitIn(task, "^ok: .*sched-5s", RUN);
        TaskRecord done = bot.task(task);
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.startedAt()).isAfterOrEqualTo(done.runAt());
        assertThat(bot.thread(task)).noneMatch(l -> l.contains("starts only now"));
        assertThat(bot.vmsNamed("dc1", "sched-5s")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aTaskInAnHourIsListedAndCanBeCancelledByItsRequesterOnly() throws Exception {
        bot.type("/login alice");
        bot.type("/vdi vm create sched-1h template=rhel9-desktop at=+1h");
        String task = bot.awaitTask("sched-1h", WAIT);
        bot.awaitIn(task, "accepted; it will run at ", WAIT);
        long id = bot.task(task).id();
        // the answer comes right before the trigger is stored
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!triggerExists(id) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(triggerExists(id)).isTrue();

        String list = bot.send("/vdi tasks scheduled");
        String row = bot.awaitIn(list, "^" + task + " ", WAIT);
        // the row says what the task will do, as a command line
        assertThat(row).contains("vm create sched-1h template=rhel9-desktop").contains("scheduled").contains("dc1")
                .contains(MINUTES.withZone(PARIS).format(bot.task(task).runAt())).contains("alice");
        assertThat(bot.thread(list)).anyMatch(l -> l.contains("Runs (Europe/Paris)"));

        // bob is neither its requester nor an admin
        bot.type("/login bob");
        String notHis = bot.send("/vdi cancel " + task);
        assertThat(bot.awaitIn(notHis, "warning: ", WAIT)).contains("not allowed");
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SCHEDULED);

        bot.type("/login alice");
        String cancel = bot.send("/vdi cancel " + task);
        assertThat(bot.awaitIn(cancel, "^ok: ", WAIT))
                .isEqualTo("ok: Task " + task + " (vm.create) was cancelled by Alice Martin.");
        bot.awaitIn(task, "was cancelled by Alice Martin", WAIT);
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(bot.task(task).finishedAt()).isNotNull();
        assertThat(triggerExists(id)).isFalse();

        String again = bot.send("/vdi cancel " + task);
        assertThat(bot.awaitIn(again, "cannot be cancelled", WAIT)).contains("cancelled");
        String listAgain = bot.send("/vdi tasks scheduled");
        bot.awaitIn(listAgain, ".+", WAIT);
        Thread.sleep(100);
        assertThat(bot.thread(listAgain)).noneMatch(l -> l.startsWith(task + " "));
        assertThat(bot.thread(task)).noneMatch(l -> l.contains("has started"));
        assertThat(bot.vmsNamed("dc1", "sched-1h")).isZero();
    }

    @Test
    @Order(3)
    void aUsersRequestsAreNumberedInTheOrderTheyWereTypedAndTheHistoryIsPaged() throws Exception {
        bot.type("/login alice");
        int count = 27;
        for (int i = 1; i <= count; i++) {
            bot.type("/vdi vm create order-" + i + " template=rhel9-desktop at=+1h");
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(Long.parseLong(bot.awaitTask("order-" + i, WAIT).substring(1)));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();

        // the newest 25 of the user's vm creates, whatever case the user name is typed in, then the rest
        String first = bot.send("/vdi tasks user=ALICE command=\"vm create\"");
        String more = bot.awaitIn(first, " more: ", WAIT);
        assertThat(more).endsWith("more: /vdi tasks user=ALICE command=vm.create page=2");
        assertThat(bot.thread(first)).anyMatch(l -> l.startsWith("T" + ids.get(count - 1) + " "))
                .noneMatch(l -> l.startsWith("T" + ids.get(0) + " "));
        String second = bot.send("/vdi tasks user=ALICE command=vm.create page=2");
        bot.awaitIn(second, "^T" + ids.get(0) + " ", WAIT);
        String mine = bot.send("/vdi tasks mine");
        bot.awaitIn(mine, "^T" + ids.get(count - 1) + " ", WAIT);
        // since= in the reader's words; a later start leaves them out
        String recent = bot.send("/vdi tasks mine since=1h command=vm.create");
        bot.awaitIn(recent, "^T" + ids.get(count - 1) + " +vm create order-" + count + " template=rhel9-desktop ", WAIT);
        String tomorrow = java.time.LocalDate.now(PARIS).plusDays(1).toString();
        String none = bot.send("/vdi tasks mine since=" + tomorrow);
        assertThat(bot.awaitIn(none, ".+", WAIT)).isEqualTo("No tasks match.");
        String wrong = bot.send("/vdi tasks since=soon");
        bot.awaitIn(wrong, "since: “soon” is not a start time", WAIT);

        for (Long id : ids) {
            bot.type("/vdi cancel T" + id);
        }
    }

    @Test
    @Order(4)
    void aTaskHeldUpByAnEarlierOneSaysSoInsteadOfBlamingABotThatWasRunning() throws Exception {
        bot.type("/login alice");
        bot.type("/vdi vm create sched-busy-1 template=rhel9-desktop at=+3s");
        bot.type("/vdi vm create sched-busy-2 template=rhel9-desktop at=+3s");
        String first = bot.awaitTask("sched-busy-1", WAIT);
        String second = bot.awaitTask("sched-busy-2", WAIT);
        // a slow engine, so that the task run first surely keeps the only scheduler thread longer than 2 s
        FaultPlan.Settings slow = new FaultPlan.Settings();
        slow.latencyMs = 300;
        FaultPlan faults = bot.bean(Simulator.class).site("dc1").faults();
        faults.apply(slow);
        try {
            bot.awaitIn(first, "^ok: .*sched-busy-1", RUN);
            bot.awaitIn(second, "^ok: .*sched-busy-2", RUN);
        } finally {
            faults.clear();
        }

        List<String> both = new java.util.ArrayList<>(bot.thread(first));
        both.addAll(bot.thread(second));
        assertThat(both).noneMatch(l -> l.contains("the bot was not running"));
        assertThat(both.stream().filter(l -> l.startsWith("warning: ") && l.contains("starts only now, because the bot"
                + " was busy with tasks that were due before it.")).count()).as(String.join("\n", both)).isEqualTo(1);
    }

    /**
     * Stops the bot with two tasks ahead: one due while it is down, one due after it is back. The first runs as
     * soon as the bot starts and says it ran late; the second runs at its time.
     */
    @Test
    @Order(5)
    void tasksDueWhileTheBotWasDownRunAtStartAndTheOthersAtTheirTime() throws Exception {
        bot.type("/login alice");
        bot.type("/vdi vm create sched-late template=rhel9-desktop at=+5s");
        bot.type("/vdi vm create sched-after template=rhel9-desktop at=+15s");
        String late = bot.awaitTask("sched-late", WAIT);
        String after = bot.awaitTask("sched-after", WAIT);
        bot.awaitIn(late, "accepted", WAIT);
        bot.awaitIn(after, "accepted", WAIT);
        Instant lateRunAt = bot.task(late).runAt();
        Instant afterRunAt = bot.task(after).runAt();
        String firstNode = bot.bean(NodeIdentity.class).id();

        Path dataDir = bot.dataDir();
        bot.close();
        Instant stopped = Instant.now();
        assertThat(stopped).as("the bot stopped before the first task was due").isBefore(lateRunAt);
        // let the first task's time pass by more than the misfire threshold while no bot runs
        while (Instant.now().isBefore(lateRunAt.plusSeconds(3))) {
            Thread.sleep(100);
        }

        bot = BotHarness.restart(dataDir, SETTINGS);
        String secondNode = bot.bean(NodeIdentity.class).id();
        assertThat(secondNode).isNotEqualTo(firstNode);

        String ranLate = bot.awaitIn(late, "starts only now", WAIT);
        assertThat(ranLate).isEqualTo("warning: Task " + late + " (vm.create) was due to run at "
                + MINUTES.withZone(PARIS).format(lateRunAt)
                + " Europe/Paris and starts only now, because the bot was not running then.");
        bot.awaitIn(late, "^ok: .*sched-late", RUN);
        TaskRecord lateDone = bot.task(late);
        assertThat(lateDone.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(lateDone.claimedBy()).isEqualTo(secondNode);
        assertThat(lateDone.startedAt()).isAfter(stopped);

        bot.awaitIn(after, "has started", RUN);
        bot.awaitIn(after, "^ok: .*sched-after", RUN);
        TaskRecord afterDone = bot.task(after);
        assertThat(afterDone.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(afterDone.claimedBy()).isEqualTo(secondNode);
        assertThat(afterDone.startedAt()).isAfterOrEqualTo(afterRunAt);
        if (Duration.between(afterRunAt, afterDone.startedAt()).compareTo(Duration.ofSeconds(2)) < 0) {
            assertThat(bot.thread(after)).noneMatch(l -> l.contains("starts only now"));
        }

        // each ran once, on the second bot
        List<String> lateThread = bot.thread(late);
        assertThat(lateThread.stream().filter(l -> l.contains("has started")).count()).isEqualTo(1);
        assertThat(bot.vmCreations("dc1", "sched-late")).isEqualTo(1);
        assertThat(bot.vmCreations("dc1", "sched-after")).isEqualTo(1);
    }

    private static boolean triggerExists(long taskId) throws SchedulerException {
        return bot.bean(Scheduler.class).checkExists(JobKey.jobKey("T" + taskId, "tasks"));
    }
}
