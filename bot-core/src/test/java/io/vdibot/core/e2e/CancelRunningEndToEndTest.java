package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mistaken pool stopped while it is being built: the task stops before its next step, keeps the VMs it
 * created, says so in its thread, and tells on-call; the requester's cancel answer says it will stop.
 */
class CancelRunningEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(120);
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
    void aRunningPoolCreateStopsAtTheNextStepAndKeepsWhatItBuilt() {
        // a slower engine, so that the pool is still being built when the cancel arrives
        FaultPlan.Settings slow = new FaultPlan.Settings();
        slow.latencyMs = 150;
        faults().apply(slow);
        try {
            bot.type("/login alice");
            bot.type("/vdi pool create stop-me-?? template=rhel9-desktop size=12 batch=3 prestarted=0");
            String task = bot.awaitTask("stop-me-??", WAIT);
            bot.awaitIn(task, "^Batch 1 of 4 done", RUN);

            String cancel = bot.send("/vdi cancel " + task);
            assertThat(bot.awaitIn(cancel, ".+", WAIT)).isEqualTo("Task " + task
                    + " (pool.create) is running: it stops before its next step, and what it has done so far stays.");

            bot.awaitIn(task, "^warning: Task " + task + " \\(pool.create\\) was cancelled by Alice Martin and stopped"
                    + " before its next step; what it did so far stays\\.$", RUN);
            assertThat(bot.task(task).status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(bot.thread(task)).anyMatch(l -> l.contains("stop-me-??") && l.contains("left in place"));
            bot.await("\\[on-call\\] warning: Task " + task + " \\(pool.create\\) requested by Alice Martin was"
                    + " cancelled by Alice Martin while it ran\\.", WAIT);
            long vms = poolVms("stop-me-??");
            assertThat(vms).isBetween(3L, 11L);
            assertThat(bot.thread(task)).noneMatch(l -> l.startsWith("Batch 4 of 4 done"));
        } finally {
            faults().clear();
        }
    }

    @Test
    void aFinishedTaskCannotBeCancelled() {
        bot.type("/login alice");
        bot.type("/vdi vm create done-01 template=rhel9-desktop");
        String task = bot.awaitTask("done-01", WAIT);
        bot.awaitIn(task, "^ok: ", RUN);
        String cancel = bot.send("/vdi cancel " + task);
        assertThat(bot.awaitIn(cancel, ".+", WAIT)).startsWith("warning: Task " + task + " cannot be cancelled now");
    }

    private static long poolVms(String poolName) {
        Engine engine = bot.bean(Simulator.class).site("dc1").engine();
        return engine.read(() -> engine.estate().pools.values().stream().filter(p -> p.name.equals(poolName))
                .findFirst().map(pool -> engine.estate().vms.values().stream()
                        .filter(vm -> pool.id.equals(vm.poolId)).count()).orElse(0L));
    }

    private static FaultPlan faults() {
        return bot.bean(Simulator.class).site("dc1").faults();
    }
}
