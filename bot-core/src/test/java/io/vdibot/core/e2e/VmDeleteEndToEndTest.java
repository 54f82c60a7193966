package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code vm delete}, the first command written on the handler contract: a running VM is stopped and removed with
 * its disks; what the inventory already forbids (a pool's VM, a VM that is not there) is refused before any task
 * exists; and it needs an approver only where {@code vdibot.approval.commands} says so.
 */
class VmDeleteEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start(Map.of("vdibot.approval.commands", "template.migrate,pool.delete"));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void aRunningVmIsStoppedAndDeletedWithoutAnApproverByDefault() {
        bot.type("/login alice");
        assertThat(bot.vmsNamed("dc1", "par-build-01")).isEqualTo(1);

        bot.type("/vdi vm delete par-build-01");
        String task = bot.awaitTask("par-build-01", WAIT);
        assertThat(bot.awaitIn(task, "accepted", WAIT)).isEqualTo("Task " + task + " (vm delete par-build-01) accepted; it will run now.");
        bot.awaitIn(task, "^ok: ", RUN);

        assertThat(bot.vmsNamed("dc1", "par-build-01")).isZero();
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(bot.thread(task)).noneMatch(l -> l.contains("approv"));
        bot.await("\\[on-call\\] .*" + task, WAIT);
    }

    @Test
    void aPoolsVmAndAnUnknownVmAreRefusedBeforeAnyTaskExists() {
        bot.type("/login alice");
        String pooled = bot.send("/vdi vm delete finance-win10-1");
        assertThat(String.join("\n", awaitWarning(pooled))).contains("finance-win10");
        String unknown = bot.send("/vdi vm delete no-such-vm");
        assertThat(String.join("\n", awaitWarning(unknown))).contains("no-such-vm");

        assertThat(bot.tasksNamed("finance-win10-1")).isZero();
        assertThat(bot.tasksNamed("no-such-vm")).isZero();
        assertThat(bot.vmsNamed("dc1", "finance-win10-1")).isEqualTo(1);
    }

    @Test
    void aViewerMayNotDeleteAndTheVmStays() {
        bot.type("/login dave");
        String denied = bot.send("/vdi vm delete par-jump-01");
        bot.awaitIn(denied, "warning: ", WAIT);
        bot.type("/login alice");
        assertThat(bot.tasksNamed("par-jump-01")).isZero();
        assertThat(bot.vmsNamed("dc1", "par-jump-01")).isEqualTo(1);
    }

    private static java.util.List<String> awaitWarning(String thread) {
        bot.awaitIn(thread, "warning: ", WAIT);
        return bot.thread(thread);
    }
}
