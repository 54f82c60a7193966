package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pools say what they verified: a pool with no VM started is created and healthy, batch by batch, not "up with an
 * IP address: 0"; a grow reports its batches and the new VMs with their addresses; a pool far beyond its cluster's
 * memory is refused before it becomes a task, with the numbers; one that takes more than the warn ratio (set to 1 %
 * here, so that three small VMs cross it) runs with a warning in its thread. Batches hold at most 3 VMs.
 */
class PoolVerifyEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(120);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start(Map.of("vdibot.limits.batch-size-max", "3",
                "vdibot.limits.capacity.warn-ratio", "0.01"));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @BeforeEach
    void login() {
        bot.type("/login alice");
    }

    private static Engine dc1() {
        return bot.bean(Simulator.class).site("dc1").engine();
    }

    /** Types a task command and returns the task's id once its result is printed. */
    private static String run(String line, String name, String result) {
        bot.type(line);
        String task = bot.awaitTask(name, WAIT);
        bot.awaitIn(task, result, RUN);
        return task;
    }

    @Test
    void aPoolWithNoVmStartedSaysItsVmsAreCreatedAndHealthyNotUpWithAnAddress() {
        String task = run("/vdi pool create e2e-cold-?? template=rhel9-desktop size=6 batch=3 prestarted=0",
                "e2e-cold-??", "^ok: == Pool e2e-cold-\\?\\? is ready ==$");

        List<String> thread = bot.thread(task);
        assertThat(thread).anyMatch(l -> l.startsWith("Batch 1 of 2 done: 3 of 6 VMs in the pool, 3 of 3 "
                + "created and healthy (down, not started: prestarted=0)."));
        assertThat(thread).contains("Batch 2 of 2 done: 6 of 6 VMs in the pool, 6 of 6 created and "
                + "healthy (down, not started: prestarted=0).", "VMs: 6 of 6",
                "Created and healthy: 6 of 6 (down, not started: prestarted=0)");
        assertThat(thread).noneMatch(l -> l.startsWith("Up with an IP address"));
        assertThat(thread).anyMatch(l -> l.matches("e2e-cold-06 +down +-"));
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
    }

    @Test
    void aGrowVerifiesItsBatchesAndShowsTheNewVmsWithTheirAddresses() {
        run("/vdi pool create e2e-grow-?? template=rhel9-desktop size=2 prestarted=2", "e2e-grow-??",
                "^ok: == Pool e2e-grow-\\?\\? is ready ==$");
        // users took both prestarted VMs: the pool needs two new ones running
        handToAlice("e2e-grow-??");

        bot.type("/vdi pool resize e2e-grow-?? size=6");
        String grow = bot.awaitTask("e2e-grow-??", 2, WAIT);
        bot.awaitIn(grow, "^ok: == Pool e2e-grow-\\?\\? has 6 VMs ==$", RUN);

        List<String> thread = bot.thread(grow);
        assertThat(thread).anyMatch(l -> l.startsWith("Batch 1 of 2 done: 5 of 6 VMs in the pool, 2 up "
                + "with an IP address, 1 of 1 created and healthy (down, not started: prestarted=2)."));
        assertThat(thread).contains("Batch 2 of 2 done: 6 of 6 VMs in the pool, 2 up with an IP address, "
                + "2 of 2 created and healthy (down, not started: prestarted=2).",
                "Pool e2e-grow-?? grew from 2 to 6 VMs; the engine added 4:");
        assertThat(thread).anyMatch(l -> l.matches("VM +Status +IP address"));
        assertThat(thread).anyMatch(l -> l.matches("e2e-grow-03 +up +10\\.\\d+\\.\\d+\\.\\d+"));
        assertThat(thread).anyMatch(l -> l.matches("e2e-grow-04 +up +10\\.\\d+\\.\\d+\\.\\d+"));
        assertThat(thread).anyMatch(l -> l.matches("e2e-grow-05 +down +-"));
        assertThat(thread).anyMatch(l -> l.matches("e2e-grow-06 +down +-"));
        assertThat(thread).noneMatch(l -> l.matches("e2e-grow-0[12] .*"));
        assertThat(bot.task(grow).status()).isEqualTo(TaskStatus.SUCCEEDED);
    }

    /** Hands every VM of the pool to alice, as the engine does when a user takes one (UserRole on the VM). */
    private static void handToAlice(String poolName) {
        dc1().write(() -> {
            var estate = dc1().estate();
            PoolEntity pool = estate.pools.values().stream().filter(p -> p.name.equals(poolName)).findFirst()
                    .orElseThrow();
            String alice = estate.users.values().stream().filter(u -> u.userName.startsWith("alice@"))
                    .findFirst().orElseThrow().id;
            for (VmEntity vm : estate.vms.values().stream().filter(vm -> pool.id.equals(vm.poolId)).toList()) {
                PermissionEntity grant = new PermissionEntity();
                grant.id = dc1().newId();
                grant.roleId = "00000000-0000-0000-0001-000000000001";
                grant.userId = alice;
                grant.objectType = "vm";
                grant.objectId = vm.id;
                estate.permissions.put(grant.id, grant);
                vm.assignedUserId = alice;
            }
            return null;
        });
    }

    @Test
    void aPoolFarBeyondItsClustersMemoryIsRefusedBeforeItBecomesATask() {
        // Infra has one host up, 256 GiB, running par-jump-01 (4 GiB); rhel8-server VMs have 4 GiB
        String refused = bot.send("/vdi pool create e2e-huge template=rhel8-server size=200 prestarted=200");
        bot.awaitIn(refused, "^warning: I could not run that command:", WAIT);
        assertThat(bot.awaitIn(refused, "GiB", WAIT)).isEqualTo("Pool e2e-huge would start 200 × 4 GiB = 800 GiB "
                + "of VM memory in cluster Infra at site dc1, which has 251.7 GiB free on its hosts that are up: more "
                + "than the 100% of it the bot allows (setting vdibot.limits.capacity.refuse-ratio). Ask for fewer "
                + "VMs to start (prestarted), or use a cluster with more room.");
        assertThat(bot.tasksNamed("e2e-huge")).isZero();
    }

    @Test
    void aPoolAboveTheWarnRatioRunsWithAWarningInItsThread() {
        String task = run("/vdi pool create e2e-warn template=rhel9-desktop size=3 prestarted=3", "e2e-warn",
                "^ok: == Pool e2e-warn is ready ==$");

        assertThat(bot.thread(task)).anyMatch(l -> l.matches("warning: Memory is getting short: pool e2e-warn will "
                + "start 3 × 4 GiB = 12 GiB of VM memory in cluster Linux-Desktops at site dc1, which has \\d+(\\.\\d)? "
                + "GiB free on its hosts that are up: more than the 1% of it above which the bot warns \\(setting "
                + "vdibot\\.limits\\.capacity\\.warn-ratio\\)\\. .*"));
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
        String logs = bot.send("/vdi logs " + task);
        bot.awaitIn(logs, "Memory is getting short: pool e2e-warn", WAIT);
    }
}
