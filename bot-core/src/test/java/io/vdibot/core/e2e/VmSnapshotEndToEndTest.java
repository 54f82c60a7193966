package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.SnapshotEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code vm snapshot} and {@code vm restore} through the console, on the handler contract like {@code vm delete}: a
 * snapshot of a running VM taken without an approver; its restore held for an approver by default, then the VM
 * powered off, put back (a change made after the snapshot is gone) and up again; what the inventory and the VM's
 * snapshots already tell refused before any task exists; a viewer refused.
 */
class VmSnapshotEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        // the default approval policy: vm.restore waits for an approver, vm.snapshot does not
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void aRunningVmIsSnapshottedThenRestoredOnceApprovedAndIsUpAgain() {
        bot.type("/login alice");
        assertThat(bot.vmStatus("dc1", "par-jump-01")).isEqualTo("up");
        long memoryBefore = vm("par-jump-01").memoryBytes;

        bot.type("/vdi vm snapshot par-jump-01 description=\"before patching\"");
        String snapshot = bot.awaitTask("par-jump-01", WAIT);
        assertThat(bot.awaitIn(snapshot, "accepted", WAIT))
                .isEqualTo("Task " + snapshot + " (vm snapshot par-jump-01 description=\"before patching\") accepted;"
                        + " it will run now.");
        bot.awaitIn(snapshot, "^ok: ", RUN);
        assertThat(bot.task(snapshot).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(bot.thread(snapshot)).anyMatch(l -> l.contains("Snapshot of VM par-jump-01 taken"))
                .anyMatch(l -> l.contains("before patching")).noneMatch(l -> l.contains("approv"));
        SnapshotEntity taken = snapshots("par-jump-01").stream()
                .filter(s -> s.description.equals("before patching")).findFirst().orElseThrow();
        assertThat(taken.status).isEqualTo("ok");
        assertThat(taken.persistMemory).isTrue();
        assertThat(bot.vmStatus("dc1", "par-jump-01")).isEqualTo("up");

        // a change after the snapshot, which the restore undoes (the simulator has no VM update endpoint)
        engine().write(() -> vm("par-jump-01").memoryBytes = memoryBefore * 2);

        bot.type("/vdi vm restore par-jump-01 snapshot=\"before patching\"");
        String restore = bot.awaitTask("par-jump-01", 2, WAIT);
        assertThat(bot.awaitIn(restore, "waiting for an approver", WAIT)).isEqualTo("Task " + restore
                + " (vm restore par-jump-01 snapshot=\"before patching\") is waiting for an approver; once approved it will run"
                + " now.");
        assertThat(bot.task(restore).status()).isEqualTo(TaskStatus.PENDING_APPROVAL);
        assertThat(bot.vmStatus("dc1", "par-jump-01")).as("nothing happens before the approval").isEqualTo("up");

        bot.type("/login bob");
        String approve = bot.send("/vdi approve " + restore);
        assertThat(bot.awaitIn(approve, "ok: ", WAIT))
                .isEqualTo("ok: Task " + restore + " (vm.restore) was approved by Bob Johnson.");
        bot.type("/login alice");

        bot.awaitIn(restore, "^ok: .*restored to snapshot “before patching”", RUN);
        assertThat(bot.task(restore).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(bot.task(restore).approval().decidedBy()).isEqualTo("bob");
        assertThat(bot.vmStatus("dc1", "par-jump-01")).isEqualTo("up");
        assertThat(vm("par-jump-01").memoryBytes).isEqualTo(memoryBefore);
        assertThat(snapshots("par-jump-01")).extracting(s -> s.description).containsExactly("before patching");
        bot.await("\\[on-call\\] .*" + restore, WAIT);
    }

    @Test
    void anUnknownSnapshotAPoolsVmAndAnUnknownVmAreRefusedBeforeAnyTaskExists() {
        bot.type("/login alice");
        bot.type("/vdi vm snapshot par-build-01 description=nightly memory=false");
        String nightly = bot.awaitTask("par-build-01", WAIT);
        bot.awaitIn(nightly, "^ok: ", RUN);

        String unknown = bot.send("/vdi vm restore par-build-01 snapshot=weekly");
        awaitRefusal(unknown, "VM par-build-01 has no snapshot “weekly”. Its snapshots: “nightly”.");
        String active = bot.send("/vdi vm restore par-build-01 snapshot=\"Active VM\"");
        awaitRefusal(active, "“Active VM” is VM par-build-01 as it is now, not a snapshot to go back to.");
        String pooled = bot.send("/vdi vm snapshot finance-win10-1");
        awaitRefusal(pooled, "VM finance-win10-1 belongs to pool finance-win10");
        String pooledRestore = bot.send("/vdi vm restore finance-win10-1 snapshot=nightly");
        awaitRefusal(pooledRestore, "VM finance-win10-1 belongs to pool finance-win10");
        String typo = bot.send("/vdi vm snapshot par-bild-01");
        awaitRefusal(typo, "There is no VM “par-bild-01” at site dc1. Did you mean: par-build-01?");

        assertThat(bot.tasksNamed("par-build-01")).as("only the snapshot").isEqualTo(1);
        assertThat(bot.tasksNamed("finance-win10-1")).isZero();
        assertThat(bot.tasksNamed("par-bild-01")).isZero();
        assertThat(bot.vmStatus("dc1", "par-build-01")).isEqualTo("up");
    }

    @Test
    void aViewerMayNeitherSnapshotNorRestore() {
        bot.type("/login dave");
        String snapshot = bot.send("/vdi vm snapshot par-win11-golden");
        bot.awaitIn(snapshot, "warning: ", WAIT);
        String restore = bot.send("/vdi vm restore par-win11-golden snapshot=anything");
        bot.awaitIn(restore, "warning: ", WAIT);
        bot.type("/login alice");

        assertThat(bot.tasksNamed("par-win11-golden")).isZero();
        assertThat(snapshots("par-win11-golden")).isEmpty();
    }

    private static Engine engine() {
        return bot.bean(Simulator.class).site("dc1").engine();
    }

    private static VmEntity vm(String name) {
        Engine engine = engine();
        return engine.read(() -> engine.estate().vms.values().stream().filter(vm -> name.equals(vm.name))
                .findFirst().orElseThrow());
    }

    private static List<SnapshotEntity> snapshots(String vmName) {
        return engine().read(() -> List.copyOf(vm(vmName).snapshots));
    }

    /** Waits for the refusal's line that says {@code text}, in the thread of the line typed. */
    private static void awaitRefusal(String thread, String text) {
        bot.awaitIn(thread, "warning: ", WAIT);
        bot.awaitIn(thread, Pattern.quote(text), WAIT);
    }
}
