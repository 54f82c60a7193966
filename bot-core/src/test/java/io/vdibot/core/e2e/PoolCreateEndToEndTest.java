package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.PoolEntity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A console line becomes a pool built in batches, its prestarted VMs up with their addresses, a directory group
 * granted a role on it, and a VM → IP table in the thread; requests beyond the configured limits are refused at once.
 */
class PoolCreateEndToEndTest {

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

    private static Engine engine(String site) {
        return bot.bean(Simulator.class).site(site).engine();
    }

    @Test
    void aPoolIsBuiltInBatchesWithItsGroupAndTheThreadGetsTheVmTable() {
        bot.type("/login alice");
        bot.type("/vdi pool create e2e-dev-?? template=rhel9-desktop size=6 batch=3 prestarted=4 "
                + "group=engineering-desktops role=UserRole description=\"E2E desktops\"");
        String task = bot.awaitTask("e2e-dev-??", WAIT);
        bot.awaitIn(task, "accepted", WAIT);

        bot.awaitIn(task, "^ok: == Pool e2e-dev-\\?\\? is ready ==$", RUN);
        List<String> thread = bot.thread(task);
        assertThat(thread).anyMatch(l -> l.startsWith("Batch 1 of 2 done: 3 of 6 VMs in the pool, 3 up "
                + "with an IP address.") && l.contains("About "));
        // the batch starts the one VM the pool still needs running and checks the two it leaves down
        assertThat(thread).anyMatch(l -> l.startsWith("Batch 2 of 2 done: 6 of 6 VMs in the pool, 4 up "
                + "with an IP address, 2 of 2 created and healthy (down, not started: prestarted=4)."));
        assertThat(thread).contains("Pool: e2e-dev-??", "Site: dc1", "Cluster: Linux-Desktops",
                "Template: rhel9-desktop (version 1)", "VMs: 6 of 6", "Up with an IP address: 4",
                "Created and healthy: 2 of 2 (down, not started: prestarted=4)",
                "Access: group engineering-desktops, role UserRole");
        assertThat(thread).anyMatch(l -> l.matches("e2e-dev-01 +up +10\\.\\d+\\.\\d+\\.\\d+"));
        assertThat(thread).anyMatch(l -> l.matches("e2e-dev-04 +up +10\\.\\d+\\.\\d+\\.\\d+"));
        assertThat(thread).anyMatch(l -> l.matches("e2e-dev-06 +down +-"));
        assertThat(thread).anyMatch(l -> l.startsWith("Log: ") && l.endsWith("/vdi logs " + task + " shows them."));
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
        bot.await("\\[on-call\\] ok: Task " + task + " \\(pool.create\\) requested by .* succeeded", WAIT);

        PoolEntity pool = engine("dc1").read(() -> engine("dc1").estate().pools.values().stream()
                .filter(p -> p.name.equals("e2e-dev-??")).findFirst().orElseThrow());
        assertThat(pool.description).isEqualTo("E2E desktops");
        assertThat(pool.comment).isEqualTo("Created by VDI Bot task " + task);
        assertThat(pool.prestartedVms).isEqualTo(4);
        assertThat(engine("dc1").read(() -> engine("dc1").estate().permissions.values().stream()
                .filter(p -> pool.id.equals(p.objectId)).count())).isEqualTo(1);

        String logs = bot.send("/vdi logs " + task);
        bot.awaitIn(logs, "Granted role UserRole on pool e2e-dev-\\?\\? to group engineering-desktops\\.", WAIT);
    }

    @Test
    void requestsBeyondTheConfiguredLimitsAreRefusedBeforeTheyBecomeTasks() {
        bot.type("/login alice");
        String huge = bot.send("/vdi pool create e2e-huge template=rhel9-desktop size=239");
        assertThat(bot.awaitIn(huge, "at most 238", WAIT)).isEqualTo("A pool may have at most 238 VMs (setting "
                + "vdibot.limits.pool-size-max); 239 were asked for.");

        String batch = bot.send("/vdi pool create e2e-batch template=rhel9-desktop size=30 batch=25 "
                + "group=nobody-here role=UserRole");
        assertThat(bot.awaitIn(batch, "batch=25", WAIT)).isEqualTo("A pool grows by at most 24 VMs at a time "
                + "(setting vdibot.limits.batch-size-max); batch=25 was asked for.");
        assertThat(bot.thread(batch)).contains("The engine of site dc1 knows no group “nobody-here”.");

        String taken = bot.send("/vdi pool create finance-win10 template=win10-22h2 size=2");
        bot.awaitIn(taken, "A pool named “finance-win10” already exists at site dc1\\.", WAIT);
        assertThat(bot.tasksNamed("e2e-huge") + bot.tasksNamed("e2e-batch") + bot.tasksNamed("finance-win10"))
                .isZero();
    }
}
