package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.task.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Requests that policy sends to an approver: the requester is told, the approvers get a card with buttons,
 * nobody approves their own request, viewers cannot decide, and the decision (who, when, why) is recorded,
 * told in the requester's thread and — when approved — followed by the run.
 */
class ApprovalEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        // vm.create needs approval here, besides the default commands; pools above 50 VMs do by default
        bot = BotHarness.start(Map.of("vdibot.approval.commands", "vm.create,template.migrate,pool.delete",
                "vdibot.execution.late-after", "2s"));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void anApprovedRequestRunsOnlyOnceAnotherApproverSaysSo() throws Exception {
        bot.type("/login alice");
        bot.type("/vdi vm create appr-ok template=rhel9-desktop");
        String task = bot.awaitTask("appr-ok", WAIT);
        assertThat(bot.awaitIn(task, "waiting for an approver", WAIT))
                .isEqualTo("Task " + task + " (vm create appr-ok template=rhel9-desktop) is waiting for an approver; once approved it will run now.");

        // the card in the approvers' channel: who asks, what, and the two buttons as commands to type
        bot.awaitIn(task, "\\[Reject\\] /vdi reject " + task + "$", WAIT);
        List<String> card = bot.thread(task);
        assertThat(card).contains("== Alice Martin asks for approval of task " + task + " ==",
                "[Approve] /vdi approve " + task, "[Reject] /vdi reject " + task);
        assertThat(card).anyMatch(l -> l.startsWith("Request: ") && l.contains("vm create appr-ok"));
        assertThat(card).anyMatch(l -> l.equals("Site: dc1"));

        // a requester who is no approver
        String requester = bot.send("/vdi approve " + task);
        assertThat(bot.awaitIn(requester, "warning: ", WAIT)).isEqualTo("warning: Sorry, you are not allowed to do that.");

        bot.type("/login dave");
        String viewer = bot.send("/vdi approve " + task);
        assertThat(bot.awaitIn(viewer, "warning: ", WAIT)).contains("权限");

        Thread.sleep(1500);
        TaskRecord waiting = bot.task(task);
        assertThat(waiting.status()).isEqualTo(TaskStatus.PENDING_APPROVAL);
        assertThat(waiting.approval().decidedBy()).isNull();
        assertThat(triggerExists(waiting.id())).isFalse();
        assertThat(bot.vmsNamed("dc1", "appr-ok")).isZero();
        assertThat(bot.thread(task)).noneMatch(l -> l.contains("has started"));

        Instant beforeDecision = Instant.now();
        bot.type("/login bob");
        String approve = bot.send("/vdi approve " + task);
        assertThat(bot.awaitIn(approve, "ok: ", WAIT))
                .isEqualTo("ok: Task " + task + " (vm.create) was approved by Bob Johnson.");
        // the requester's thread is told too
        bot.awaitIn(task, "^ok: Task " + task + " \\(vm.create\\) was approved by Bob Johnson\\.$", WAIT);

        bot.awaitIn(task, "has started", RUN);
        bot.awaitIn(task, "^ok: .*appr-ok", RUN);
        TaskRecord done = bot.task(task);
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.approval().decidedBy()).isEqualTo("bob");
        assertThat(done.approval().decidedAt()).isAfterOrEqualTo(beforeDecision.minusSeconds(1));
        assertThat(done.startedAt()).isAfterOrEqualTo(done.approval().decidedAt());
        assertThat(bot.vmsNamed("dc1", "appr-ok")).isEqualTo(1);

        // a second decision changes nothing
        String again = bot.send("/vdi reject " + task);
        assertThat(bot.awaitIn(again, ".+", WAIT)).contains("is not waiting for approval");
        bot.type("/login alice");
    }

    @Test
    void aTaskApprovedAfterItsTimeRunsAtOnceAndSaysWhy() throws Exception {
        bot.type("/login alice");
        bot.type("/vdi vm create appr-late template=rhel9-desktop at=+1s");
        String task = bot.awaitTask("appr-late", WAIT);
        bot.awaitIn(task, "waiting for an approver", WAIT);
        Instant due = bot.task(task).runAt();
        // the approver answers well after the task's time (more than late-after)
        while (Instant.now().isBefore(due.plusSeconds(4))) {
            Thread.sleep(100);
        }

        bot.type("/login bob");
        String approve = bot.send("/vdi approve " + task);
        assertThat(bot.awaitIn(approve, "ok: ", WAIT)).startsWith("ok: Task " + task
                + " (vm.create) was approved by Bob Johnson after its time (at ").endsWith("); it runs now.");
        bot.type("/login alice");
        bot.awaitIn(task, "^ok: .*appr-late", RUN);

        TaskRecord done = bot.task(task);
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(java.time.Duration.between(done.approval().decidedAt(), done.startedAt()))
                .isLessThan(java.time.Duration.ofSeconds(2));
        assertThat(bot.thread(task)).noneMatch(l -> l.contains("starts only now"));
    }

    @Test
    void nobodyDecidesTheirOwnRequestAndARejectedOneNeverRunsAndShowsWhoWhenAndWhy() throws Exception {
        // bob is an approver and a requester: his own request still needs someone else
        bot.type("/login bob");
        bot.type("/vdi vm create appr-no template=rhel9-desktop");
        String task = bot.awaitTask("appr-no", WAIT);
        bot.awaitIn(task, "waiting for an approver", WAIT);
        String own = bot.send("/vdi approve " + task);
        assertThat(bot.awaitIn(own, "warning: ", WAIT))
                .isEqualTo("warning: You cannot approve or reject your own request; another approver has to: Carol "
                        + "Nguyen.");
        String ownReject = bot.send("/vdi reject " + task);
        assertThat(bot.awaitIn(ownReject, "warning: ", WAIT)).contains("your own request");
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.PENDING_APPROVAL);

        bot.type("/login carol");
        String reject = bot.send("/vdi reject " + task + " reason=\"no budget this quarter\"");
        assertThat(bot.awaitIn(reject, "warning: ", WAIT)).isEqualTo(
                "warning: Task " + task + " (vm.create) was rejected by Carol Nguyen: no budget this quarter");
        bot.awaitIn(task, "rejected by Carol Nguyen: no budget this quarter", WAIT);

        TaskRecord rejected = bot.task(task);
        assertThat(rejected.status()).isEqualTo(TaskStatus.REJECTED);
        assertThat(rejected.approval().decidedBy()).isEqualTo("carol");
        assertThat(rejected.approval().reason()).isEqualTo("no budget this quarter");
        assertThat(rejected.approval().decidedAt()).isNotNull();

        bot.type("/login alice");
        String show = bot.send("/vdi task " + task);
        // alice reads times in her zone
        String decided = bot.awaitIn(show, "^Decision: ", WAIT);
        String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.of("Europe/Paris")).format(rejected.approval().decidedAt());
        assertThat(decided).isEqualTo("Decision: carol at " + when + ": no budget this quarter");
        assertThat(bot.thread(show)).anyMatch(l -> l.matches("Status: +rejected"));
        // what the task would have done, as a command line
        assertThat(bot.thread(show)).anyMatch(l -> l.matches("Command: +vm create appr-no template=rhel9-desktop"));

        Thread.sleep(1000);
        assertThat(bot.thread(task)).noneMatch(l -> l.contains("has started"));
        assertThat(triggerExists(rejected.id())).isFalse();
        assertThat(bot.vmsNamed("dc1", "appr-no")).isZero();
    }

    @Test
    void aPoolAboveTheSizeThresholdWaitsForAnApprover() throws Exception {
        bot.type("/login alice");
        bot.type("/vdi pool create appr-big template=rhel9-desktop size=60");
        String big = bot.awaitTask("appr-big", WAIT);
        bot.awaitIn(big, "waiting for an approver", WAIT);
        bot.awaitIn(big, "\\[Approve\\] /vdi approve " + big, WAIT);
        assertThat(bot.task(big).status()).isEqualTo(TaskStatus.PENDING_APPROVAL);
        assertThat(bot.task(big).approval().required()).isTrue();

        bot.type("/vdi pool create appr-small template=rhel9-desktop size=50 at=+1h");
        String small = bot.awaitTask("appr-small", WAIT);
        bot.awaitIn(small, "accepted", WAIT);
        assertThat(bot.task(small).status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(awaitTrigger(bot.task(small).id())).isTrue();

        // the requester may withdraw a request that waits for approval
        String cancel = bot.send("/vdi cancel " + big);
        bot.awaitIn(cancel, "was cancelled by Alice Martin", WAIT);
        bot.send("/vdi cancel " + small);
        bot.awaitIn(small, "was cancelled by Alice Martin", WAIT);
        assertThat(bot.task(big).status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(bot.task(small).status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(triggerExists(bot.task(small).id())).isFalse();
    }

    /** The answer comes right before the trigger is stored. */
    private static boolean awaitTrigger(long taskId) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!triggerExists(taskId) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return triggerExists(taskId);
    }

    private static boolean triggerExists(long taskId) throws SchedulerException {
        return bot.bean(Scheduler.class).checkExists(JobKey.jobKey("T" + taskId, "tasks"));
    }
}
