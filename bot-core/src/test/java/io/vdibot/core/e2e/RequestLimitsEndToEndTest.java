package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a request may ask, whoever asks: an {@code init=} script needs a permission of its own and an approver;
 * text, memory, CPUs and how far ahead are bounded, each bound said in one line and nothing stored.
 */
class RequestLimitsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        // requesters here may create VMs and change pools, but not run scripts in them; approvers keep the defaults
        bot = BotHarness.start(Map.of("vdibot.permissions.role-permissions.requester",
                "vdi:view:*,vdi:vm:create,vdi:pool:*,vdi:task:cancel"));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void aScriptNeedsItsOwnPermissionAndAnApprover() {
        bot.type("/login alice");
        String denied = bot.send("/vdi vm create lim-01 template=rhel9-desktop init=\"echo hello\"");
        assertThat(bot.awaitIn(denied, ".+", WAIT)).isEqualTo("warning: Sorry, you are not allowed to do that.");
        assertThat(bot.tasksNamed("lim-01")).isZero();

        bot.type("/login bob");
        bot.type("/vdi vm create lim-02 template=rhel9-desktop init=\"echo hello\"");
        String task = bot.awaitTask("lim-02", WAIT);
        bot.awaitIn(task, "is waiting for an approver", WAIT);
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.PENDING_APPROVAL);

        bot.type("/vdi vm create lim-03 template=rhel9-desktop at=+1h");
        String plain = bot.awaitTask("lim-03", WAIT);
        bot.awaitIn(plain, "accepted; it will run at", WAIT);
    }

    @Test
    void valuesBeyondTheLimitsAreRefusedOneLineEach() {
        bot.type("/login alice");
        String big = bot.send("/vdi vm create lim-04 template=rhel9-desktop memory=512GiB cpus=65 at=+100d");
        bot.awaitIn(big, "memory: 512GiB is too large; it must be at most 256GiB\\.", WAIT);
        bot.awaitIn(big, "cpus: 65 is out of range; it must be from 1 to 64\\.", WAIT);
        bot.awaitIn(big, "at: \\+100d is too far ahead; tasks are scheduled at most 90 days ahead\\.", WAIT);
        String wordy = bot.send("/vdi pool update finance-win10 description=\"" + "x".repeat(1001) + "\"");
        bot.awaitIn(wordy, "description is too long; it may have at most 1000 characters\\.", WAIT);
        assertThat(bot.tasksNamed("lim-04")).isZero();
        assertThat(bot.tasksNamed("finance-win10")).isZero();
    }
}
