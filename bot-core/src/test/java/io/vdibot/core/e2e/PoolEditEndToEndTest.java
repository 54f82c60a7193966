package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.PoolEntity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changing pools from the console: grow, a shrink the pool cannot give (refused before any task exists) and one it can,
 * a group's role given and taken away, settings updated, and a deletion that waits for an approver.
 */
class PoolEditEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
        // the demo's pools were not created through the bot: requesters change them once an administrator says so
        bot.assignPoolOwner("eng-rhel9-??", "dc1", "vdi-requesters");
        bot.assignPoolOwner("finance-win10", "dc1", "vdi-requesters");
        bot.assignPoolOwner("sales-win10", "dc2", "vdi-requesters");
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static Engine engine(String site) {
        return bot.bean(Simulator.class).site(site).engine();
    }

    private static Optional<PoolEntity> pool(String site, String name) {
        return engine(site).read(() -> engine(site).estate().pools.values().stream().filter(p -> p.name.equals(name))
                .findFirst());
    }

    private static List<String> vmsOf(String site, String poolName) {
        PoolEntity pool = pool(site, poolName).orElseThrow();
        return engine(site).read(() -> engine(site).estate().vms.values().stream()
                .filter(vm -> pool.id.equals(vm.poolId)).map(vm -> vm.name).sorted().toList());
    }

    /** Types a task command as alice and returns the task's id once it ended. */
    private static String run(String line, String name, String outcome) {
        bot.type("/login alice");
        bot.type(line);
        String task = bot.awaitTask(name, WAIT);
        bot.awaitIn(task, outcome, RUN);
        return task;
    }

    @Test
    void growsAPoolThenRefusesAShrinkItCannotGiveAndDoesOneItCan() {
        String grow = run("/vdi pool resize eng-rhel9-?? size=7", "eng-rhel9-??", "^ok: == Pool eng-rhel9-\\?\\? has 7 VMs ==$");
        assertThat(bot.thread(grow)).contains("Pool eng-rhel9-?? grew from 4 to 7 VMs; the engine added 3:")
                .anyMatch(l -> l.matches("eng-rhel9-07 +down +-"))
                .contains("Batch 1 of 1 done: 7 of 7 VMs in the pool, 3 of 3 created and healthy (down, "
                        + "not started: prestarted=0).");
        assertThat(vmsOf("dc1", "eng-rhel9-??")).hasSize(7);

        String refused = bot.send("/vdi pool resize finance-win10 size=1");
        assertThat(bot.awaitIn(refused, "shrinking", WAIT)).isEqualTo("Pool finance-win10 has 6 VMs; shrinking it "
                + "to 1 means removing 5 VMs that are down and handed to nobody, and it has only 2 (4 running, 0 down "
                + "but handed to a user). Nothing was changed.");
        assertThat(bot.tasksNamed("finance-win10")).isZero();
        assertThat(vmsOf("dc1", "finance-win10")).hasSize(6);

        bot.type("/vdi pool resize finance-win10 size=4");
        String shrink = approvedByBob("pool resize finance-win10");
        bot.awaitIn(shrink, "^ok: == Pool finance-win10 has 4 VMs ==$", RUN);
        assertThat(bot.lines()).anyMatch(l -> l.endsWith("Pool finance-win10 shrank from 6 to 4 VMs; removed "
                + "2 VMs:"));
        assertThat(vmsOf("dc1", "finance-win10")).containsExactly("finance-win10-1", "finance-win10-2",
                "finance-win10-3", "finance-win10-4");
    }

    @Test
    void aGroupsRoleIsGivenAndTakenAwayAndSettingsAreUpdated() {
        bot.type("/login alice");
        String unknown = bot.send("/vdi pool grant no-such-pool group=contractors role=UserRole");
        assertThat(bot.awaitIn(unknown, "no-such-pool", WAIT)).isEqualTo("There is no pool “no-such-pool” at site dc1.");
        assertThat(bot.tasksNamed("no-such-pool")).isZero();

        String grant = run("/vdi pool grant sales-win10 group=contractors role=UserRole site=dc2", "sales-win10",
                "^ok: == Group contractors has role UserRole on pool sales-win10 ==$");
        PoolEntity pool = pool("dc2", "sales-win10").orElseThrow();
        assertThat(grants(pool)).isEqualTo(2);

        bot.type("/vdi pool revoke sales-win10 group=contractors role=UserRole site=dc2");
        String revoke = approvedByBob("pool revoke sales-win10");
        bot.awaitIn(revoke, "^ok: == Group contractors no longer has role UserRole on pool sales-win10 ==$", RUN);
        bot.type("/login alice");
        assertThat(grants(pool)).isEqualTo(1);

        bot.type("/vdi pool update sales-win10 prestarted=2 max-per-user=3 description=\"Sales, two ready\" site=dc2");
        bot.await("\\[T\\d+\\] ok: == Pool sales-win10 was updated ==", RUN);
        assertThat(bot.lines()).anyMatch(l -> l.matches("\\[T\\d+\\] Prestarted VMs +0 +2"))
                .anyMatch(l -> l.matches("\\[T\\d+\\] VMs per user +1 +3"))
                .anyMatch(l -> l.matches("\\[T\\d+\\] Description +Sales desktops, Singapore +Sales, two ready"));
        PoolEntity updated = pool("dc2", "sales-win10").orElseThrow();
        assertThat(updated.prestartedVms).isEqualTo(2);
        assertThat(updated.maxUserVms).isEqualTo(3);
        assertThat(bot.task(grant).status()).isEqualTo(TaskStatus.SUCCEEDED);
    }

    /**
     * Shrinks and revokes wait for an approver by default: waits for alice's task that {@code summary} starts to ask,
     * has bob approve it, and returns its id.
     */
    private static String approvedByBob(String summary) {
        String task = bot.awaitGroup("\\[(T\\d+)\\] Task T\\d+ \\(" + Pattern.quote(summary)
                + ".*\\) is waiting for an approver", WAIT);
        bot.type("/login bob");
        bot.awaitIn(bot.send("/vdi approve " + task), "^ok: Task " + task + " .+ was approved by Bob Johnson", WAIT);
        return task;
    }

    private static long grants(PoolEntity pool) {
        return engine("dc2").read(() -> engine("dc2").estate().permissions.values().stream()
                .filter(p -> pool.id.equals(p.objectId)).count());
    }

    @Test
    void aDeletionWaitsForAnApproverThenRemovesThePoolWithItsVms() {
        run("/vdi pool create e2e-gone template=rhel9-desktop size=2 prestarted=1", "e2e-gone",
                "^ok: == Pool e2e-gone is ready ==$");
        assertThat(vmsOf("dc1", "e2e-gone")).hasSize(2);

        bot.type("/vdi pool delete e2e-gone");
        String delete = bot.awaitTask("e2e-gone", 2, WAIT);
        bot.awaitIn(delete, "is waiting for an approver", WAIT);
        assertThat(bot.task(delete).status()).isEqualTo(TaskStatus.PENDING_APPROVAL);
        assertThat(pool("dc1", "e2e-gone")).isPresent();

        bot.type("/login bob");
        String approve = bot.send("/vdi approve " + delete);
        bot.awaitIn(approve, "^ok: Task " + delete + " \\(pool.delete\\) was approved by Bob Johnson\\.$", WAIT);
        bot.awaitIn(delete, "^ok: == Pool e2e-gone was deleted ==$", RUN);
        assertThat(bot.thread(delete)).contains("VMs removed: 2");
        assertThat(pool("dc1", "e2e-gone")).isEmpty();
        assertThat(bot.vmsNamed("dc1", "e2e-gone-1") + bot.vmsNamed("dc1", "e2e-gone-2")).isZero();
        assertThat(bot.task(delete).status()).isEqualTo(TaskStatus.SUCCEEDED);
        bot.type("/login alice");
    }
}
