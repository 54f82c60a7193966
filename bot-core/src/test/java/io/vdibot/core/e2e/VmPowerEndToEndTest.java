package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code vm start|stop|shutdown|reboot} through the console, on the handler contract like {@code vm delete}: one
 * running VM powered off, started again, rebooted and shut down, each a task without an approver; what its status
 * already tells (a VM that is down) refused before any task exists; a viewer refused.
 */
class VmPowerEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void aRunningVmIsPoweredOffStartedRebootedAndShutDown() {
        bot.type("/login alice");
        assertThat(bot.vmStatus("dc1", "par-jump-01")).isEqualTo("up");

        String stopped = run("/vdi vm stop par-jump-01", 1);
        assertThat(bot.vmStatus("dc1", "par-jump-01")).isEqualTo("down");
        assertThat(bot.thread(stopped)).anyMatch(l -> l.contains("VM par-jump-01 powered off"));

        String started = run("/vdi vm start par-jump-01", 2);
        assertThat(bot.vmStatus("dc1", "par-jump-01")).isEqualTo("up");
        assertThat(bot.thread(started)).anyMatch(l -> l.matches(".*IP address.*\\d+\\.\\d+\\.\\d+\\.\\d+.*"));

        String rebooted = run("/vdi vm reboot par-jump-01", 3);
        assertThat(bot.vmStatus("dc1", "par-jump-01")).isEqualTo("up");
        assertThat(bot.thread(rebooted)).anyMatch(l -> l.contains("VM par-jump-01 rebooted"));

        String shut = run("/vdi vm shutdown par-jump-01", 4);
        assertThat(bot.vmStatus("dc1", "par-jump-01")).isEqualTo("down");
        assertThat(bot.thread(shut)).anyMatch(l -> l.contains("VM par-jump-01 shut down"));
        for (String task : List.of(stopped, started, rebooted, shut)) {
            assertThat(bot.thread(task)).noneMatch(l -> l.contains("approv"));
        }
    }

    @Test
    void aVmThatIsDownIsRefusedBeforeAnyTaskExists() {
        bot.type("/login alice");
        String refused = bot.send("/vdi vm shutdown par-win11-golden");
        bot.awaitIn(refused, "warning: ", WAIT);
        assertThat(String.join("\n", bot.thread(refused)))
                .contains("VM par-win11-golden is already down; nothing to do.");
        String reboot = bot.send("/vdi vm reboot par-win11-golden");
        bot.awaitIn(reboot, "warning: ", WAIT);

        assertThat(bot.tasksNamed("par-win11-golden")).isZero();
        assertThat(bot.vmStatus("dc1", "par-win11-golden")).isEqualTo("down");
    }

    @Test
    void aViewerMayNotPowerAVm() {
        bot.type("/login dave");
        String denied = bot.send("/vdi vm stop par-build-01");
        bot.awaitIn(denied, "warning: ", WAIT);
        bot.type("/login alice");
        assertThat(bot.tasksNamed("par-build-01")).isZero();
        assertThat(bot.vmStatus("dc1", "par-build-01")).isEqualTo("up");
    }

    /** Types {@code line}, the {@code nth} task for the VM, and waits until it succeeded; returns its code. */
    private static String run(String line, int nth) {
        bot.type(line);
        String task = bot.awaitTask("par-jump-01", nth, WAIT);
        assertThat(bot.awaitIn(task, "accepted", WAIT)).matches("Task " + task
                + " \\(vm \\w+ par-jump-01\\) accepted; it will run now\\.");
        bot.awaitIn(task, "^ok: ", RUN);
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
        return task;
    }
}
