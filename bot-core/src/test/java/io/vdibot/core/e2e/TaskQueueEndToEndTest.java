package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.model.PoolEntity;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One task at a time per object: a task finding its pool in another task's hands waits (WAITING, shown by
 * {@code /vdi tasks} and {@code /vdi locks}), runs when the other ends and reports the values it set itself; it
 * fails with a clear reason once it has waited {@code vdibot.leases.wait-max}.
 */
class TaskQueueEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(180);
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
    void aSecondChangeOfOnePoolWaitsForTheFirstAndReportsItsOwnValues() {
        bot.type("/login alice");
        bot.type("/vdi pool create q-?? template=rhel9-desktop size=2 batch=2 prestarted=0");
        bot.awaitIn(bot.awaitTask("q-??", WAIT), "^ok: ", RUN);
        FaultPlan.Settings slow = new FaultPlan.Settings();
        slow.latencyMs = 150;
        faults().apply(slow);
        try {
            bot.type("/vdi pool resize q-?? size=10");
            String resize = bot.awaitTask("q-??", 2, WAIT);
            awaitStatus(resize, TaskStatus.RUNNING);
            bot.type("/vdi pool update q-?? prestarted=1 description=\"after the resize\"");
            String update = bot.awaitTask("q-??", 3, WAIT);
            bot.awaitIn(update, "Task " + update + " \\(pool.update\\) waits: pool q-\\?\\? at dc1 is in use by task "
                    + resize + "\\. It goes on when that is free, or fails after 2 h\\.", RUN);

            String tasks = bot.send("/vdi tasks");
            bot.awaitIn(tasks, update + " .*waiting for another task", WAIT);
            TaskRecord during = bot.task(update);
            if (during.status() == TaskStatus.WAITING) {
                String locks = bot.send("/vdi locks");
                bot.awaitIn(locks, "object:pool:dc1:q-\\?\\? +" + resize + " .* " + update + "$", WAIT);
            }

            bot.awaitIn(update, "^ok: == Pool q-\\?\\? was updated ==$", RUN);
            TaskRecord resized = bot.task(resize);
            TaskRecord updated = bot.task(update);
            assertThat(resized.status()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(updated.startedAt()).isBefore(resized.finishedAt());
            assertThat(bot.thread(update)).anyMatch(l -> l.matches("Task " + update
                    + " \\(pool.update\\) waited .+ for what another task held; it runs now\\."));
            assertThat(bot.thread(update)).anyMatch(l -> l.matches("Prestarted VMs +0 +1"))
                    .anyMatch(l -> l.matches("Description +.* +after the resize"));
        } finally {
            faults().clear();
        }
        PoolEntity pool = pool("q-??");
        assertThat(pool.prestartedVms).isEqualTo(1);
        var engine = bot.bean(Simulator.class).site("dc1").engine();
        assertThat(engine.read(() -> engine.estate().vms.values().stream().filter(vm -> pool.id.equals(vm.poolId))
                .count())).isEqualTo(10L);
    }

    @Test
    void aTaskWaitingForALeaseHeldElsewhereRunsWhenItIsReleased() {
        String key = "object:vm:dc1:par-build-01";
        ResourceLeaseRepository leases = bot.bean(ResourceLeaseRepository.class);
        // held by a task of another bot process, which releases it without telling this one
        assertThat(leases.tryAcquire(key, "other-node", 7, "held elsewhere")).isTrue();
        bot.type("/login alice");
        bot.type("/vdi vm reboot par-build-01");
        String reboot = bot.awaitTask("par-build-01", WAIT);
        bot.awaitIn(reboot, "waits: VM par-build-01 at dc1 is in use by task T7\\.", RUN);
        awaitStatus(reboot, TaskStatus.WAITING);

        leases.forceRelease(key);
        bot.awaitIn(reboot, "^ok: ", RUN);
        assertThat(bot.task(reboot).status()).isEqualTo(TaskStatus.SUCCEEDED);
    }

    @Test
    void aTaskThatWaitedTooLongFailsSayingWhatItWaitedFor() {
        try (BotHarness impatient = BotHarness.start(Map.of("vdibot.leases.wait-max", "3s",
                "vdibot.leases.poll", "500ms"))) {
            String key = "object:vm:dc1:par-build-01";
            assertThat(impatient.bean(ResourceLeaseRepository.class).tryAcquire(key, "other-node", 8, "stuck"))
                    .isTrue();
            impatient.type("/login alice");
            impatient.type("/vdi vm reboot par-build-01");
            String reboot = impatient.awaitTask("par-build-01", WAIT);
            impatient.awaitIn(reboot, "^error: .*VM par-build-01 at dc1 was still in use by task T8 after 3 s of"
                    + " waiting; this task gave up\\.", RUN);
            assertThat(impatient.task(reboot).status()).isEqualTo(TaskStatus.FAILED);
            assertThat(impatient.vmStatus("dc1", "par-build-01")).isEqualTo("up");
        }
    }

    private static void awaitStatus(String task, TaskStatus status) {
        long deadline = System.nanoTime() + RUN.toNanos();
        while (bot.task(task).status() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(task + " is " + bot.task(task).status() + ", not " + status);
            }
            pause();
        }
    }

    private static PoolEntity pool(String name) {
        var engine = bot.bean(Simulator.class).site("dc1").engine();
        return engine.read(() -> engine.estate().pools.values().stream().filter(p -> p.name.equals(name))
                .findFirst().orElseThrow());
    }

    private static FaultPlan faults() {
        return bot.bean(Simulator.class).site("dc1").faults();
    }

    /** Between two looks at the database: often enough to see a change soon, seldom enough not to load it. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
