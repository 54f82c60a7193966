package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.task.TaskRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests nobody decides on: the approvers are reminded, and in the end the task expires without running, its card
 * says so and loses its buttons, its requester is told, and a late Approve is refused. What waits survives a
 * restart: the restarted bot goes on reminding about a request the previous one took. A cancelled request's card
 * loses its buttons too.
 */
class ApprovalTimeoutEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String APPROVAL = "vm.create,template.migrate,pool.delete";
    private BotHarness bot;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void aRequestNobodyDecidesOnIsRemindedThenExpiresAndCannotBeApprovedLater() throws Exception {
        Path dataDir = BotHarness.newDataDir();
        // approvers are reminded every 3 s, and a request waits 15 s at most
        bot = BotHarness.restart(dataDir, Map.of("vdibot.approval.commands", APPROVAL,
                "vdibot.approval.remind-after", "3s", "vdibot.approval.expire-after", "15s"));
        bot.type("/login alice");
        bot.type("/vdi vm create appr-exp template=rhel9-desktop");
        String task = bot.awaitTask("appr-exp", WAIT);
        bot.awaitIn(task, "\\[Approve\\] /vdi approve " + task + "$", WAIT);
        String reminder = bot.awaitIn(task, "^warning: Reminder: ", WAIT);
        assertThat(reminder).matches("warning: Reminder: task " + task + " \\(vm\\.create\\) from Alice Martin has "
                + "waited [0-9a-z ]+ for an approver\\. Without a decision it expires at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\.");
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.PENDING_APPROVAL);

        // the card again, now without buttons, says it expired; the requester is told why nothing ran
        String closed = bot.awaitIn(task, "^Expired at ", WAIT);
        assertThat(closed).endsWith(": nobody decided within 15 s, so the task did not run.");
        bot.awaitIn(task, "^warning: Task " + task + " \\(vm\\.create\\) expired: no approver decided within 15 s, so it "
                + "did not run\\. Submit it again if it is still needed\\.$", WAIT);
        List<String> thread = bot.thread(task);
        int closedAt = thread.indexOf(closed);
        int heading = thread.subList(0, closedAt).lastIndexOf("warning: == Alice Martin asks for approval of task "
                + task + " ==");
        assertThat(heading).as("the closed card repeats the request").isPositive();
        assertThat(thread.subList(heading, closedAt)).anyMatch(l -> l.equals("Site: dc1"))
                .noneMatch(l -> l.startsWith("[Approve]") || l.startsWith("[Reject]"));

        TaskRecord expired = bot.task(task);
        assertThat(expired.status()).isEqualTo(TaskStatus.EXPIRED);
        assertThat(expired.finishedAt()).isNotNull();
        assertThat(expired.approval().decidedBy()).isNull();
        // one reminder per interval at most: 15 s of waiting hold no more than 5 of 3 s
        assertThat(bot.thread(task).stream().filter(l -> l.startsWith("warning: Reminder: ")).count())
                .isBetween(1L, 5L);

        bot.type("/login bob");
        String approve = bot.send("/vdi approve " + task);
        assertThat(bot.awaitIn(approve, "warning: ", WAIT)).matches("warning: Task " + task + " expired at "
                + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: nobody decided in time, so it can no longer be approved or "
                + "rejected\\. Its requester can ask again\\.");
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.EXPIRED);
        assertThat(bot.vmsNamed("dc1", "appr-exp")).isZero();
        assertThat(bot.thread(task)).noneMatch(l -> l.contains("has started"));

        String shown = bot.send("/vdi task " + task);
        bot.awaitIn(shown, "expired without a decision", WAIT);

        // nothing more about it once it ended: another request's reminder shows the sweeps went on meanwhile
        int told = bot.thread(task).size();
        bot.type("/login alice");
        bot.type("/vdi vm create appr-exp2 template=rhel9-desktop");
        String next = bot.awaitTask("appr-exp2", WAIT);
        bot.awaitIn(next, "^warning: Reminder: ", WAIT);
        assertThat(bot.thread(task)).hasSize(told);
        assertThat(bot.thread(task).stream().filter(l -> l.startsWith("Expired at ")).count()).isEqualTo(1);

        // what waits survives a restart: the next bot, on the same database, goes on reminding about it
        bot.close();
        bot = BotHarness.restart(dataDir, Map.of("vdibot.approval.commands", APPROVAL,
                "vdibot.approval.remind-after", "2s", "vdibot.approval.expire-after", "1h"));
        bot.awaitIn(next, "^warning: Reminder: task " + next + " ", WAIT);
        assertThat(bot.task(next).status()).isEqualTo(TaskStatus.PENDING_APPROVAL);

        // cancelled by its requester, it waits for nobody: its card is printed again without buttons
        bot.type("/login alice");
        bot.type("/vdi cancel " + next);
        String withdrawn = bot.awaitIn(next, "^Task " + next + " \\(vm\\.create\\) was cancelled by Alice Martin\\.$", WAIT);
        List<String> nextThread = bot.thread(next);
        int cardAt = nextThread.subList(0, nextThread.indexOf(withdrawn)).lastIndexOf(
                "warning: == Alice Martin asks for approval of task " + next + " ==");
        assertThat(cardAt).isNotNegative();
        assertThat(nextThread.subList(cardAt, nextThread.indexOf(withdrawn)))
                .noneMatch(l -> l.startsWith("[Approve]") || l.startsWith("[Reject]"));
        assertThat(bot.task(next).status()).isEqualTo(TaskStatus.CANCELLED);
    }
}
