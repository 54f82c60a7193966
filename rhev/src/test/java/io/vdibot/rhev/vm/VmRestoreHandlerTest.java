package io.vdibot.rhev.vm;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.vm.VmRestoreRequest;
import io.vdibot.commands.vm.VmSnapshotRequest;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.SnapshotEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.support.InMemoryJournal;
import io.vdibot.rhev.support.RecordingTask;
import io.vdibot.rhev.support.Sites;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code vm.restore} against the simulated engines, through the real SDK; snapshots are taken by vm.snapshot. */
class VmRestoreHandlerTest {

    private static final Schedule NOW = Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC"));
    private static final long GIB = 1L << 30;
    /** Task codes are unique, and so are the correlation ids made from them. */
    private static final AtomicInteger SNAPSHOT_TASKS = new AtomicInteger(6100);

    private static Sites sites;
    private static InventoryCache inventory;
    private static VmRestoreHandler handler;
    private static VmSnapshotHandler snapshots;

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
        inventory = new InventoryCache(new InventoryQueries(new EngineCalls(sites.connections(),
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)), Sleeper.system())));
        handler = new VmRestoreHandler(inventory, VmSnapshotHandlerTest.FAST, Clock.systemUTC(), Sleeper.system());
        snapshots = new VmSnapshotHandler(inventory, VmSnapshotHandlerTest.FAST, Clock.systemUTC(),
                Sleeper.system());
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    private static Engine engine(String site) {
        return sites.simulator().site(site).engine();
    }

    private static VmEntity vm(String site, String name) {
        Engine engine = engine(site);
        return engine.read(() -> engine.estate().vms.values().stream().filter(vm -> vm.name.equals(name))
                .findFirst().orElseThrow());
    }

    /** Takes a snapshot without memory through vm.snapshot; returns its id. */
    private static String takeSnapshot(String site, String vmName, String description) {
        TaskOutcome taken = run(snapshots, RecordingTask.of("T" + SNAPSHOT_TASKS.incrementAndGet(),
                new VmSnapshotRequest(vmName, description, false, site, NOW), site));
        assertThat(taken.status()).isEqualTo(TaskStatus.SUCCEEDED);
        Engine engine = engine(site);
        return engine.read(() -> vm(site, vmName).snapshots.stream().filter(s -> s.description.equals(description))
                .reduce((first, second) -> second).orElseThrow().id);
    }

    /** A change made after the snapshot, which the restore undoes (the simulator has no VM update endpoint). */
    private static void changeMemory(String site, String vmName, long bytes) {
        engine(site).write(() -> vm(site, vmName).memoryBytes = bytes);
    }

    private static VmRestoreRequest restore(String vmName, String snapshot, Boolean start, String site) {
        return new VmRestoreRequest(vmName, snapshot, start, site, NOW);
    }

    @Test
    void aRunningVmIsPoweredOffRestoredAndStartedAgain() {
        long before = vm("dc1", "par-jump-01").memoryBytes;
        String snapshotId = takeSnapshot("dc1", "par-jump-01", "known good");
        changeMemory("dc1", "par-jump-01", before * 2);
        VmRestoreRequest request = restore("par-jump-01", "known good", null, "dc1");
        assertThat(handler.validate(request, "dc1")).isEmpty();

        RecordingTask task = RecordingTask.of("T6001", request, "dc1");
        TaskOutcome outcome = run(handler, task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(outcome.summary()).isEqualTo("VM par-jump-01 at site dc1 was restored to snapshot “known good” "
                + "and is up.");
        VmEntity restored = vm("dc1", "par-jump-01");
        assertThat(restored.status).isEqualTo("up");
        assertThat(restored.memoryBytes).isEqualTo(before);
        assertThat(task.journal().completedSteps()).containsOnlyKeys("preflight", "stop-vm", "wait-down", "restore",
                "wait-restored", "start-vm", "wait-up");
        assertThat(task.deployLog()).contains("Asked the engine to power par-jump-01 off; its status was up.",
                "Asked the engine to restore par-jump-01 to snapshot " + snapshotId + ".");
    }

    @Test
    void aVmThatWasDownStaysDownUnlessStartIsAskedForAndTheSnapshotMayBeNamedById() {
        String snapshotId = takeSnapshot("dc1", "par-win11-golden", "golden");

        TaskOutcome down = run(handler, RecordingTask.of("T6002", restore("par-win11-golden", snapshotId, null,
                "dc1"), "dc1"));
        assertThat(down.summary()).endsWith("was restored to snapshot “golden” and is down.");
        assertThat(vm("dc1", "par-win11-golden").status).isEqualTo("down");

        RecordingTask started = RecordingTask.of("T6003", restore("par-win11-golden", "golden", true, "dc1"),
                "dc1");
        assertThat(run(handler, started).summary()).endsWith("and is up.");
        assertThat(started.journal().completedSteps()).containsKeys("start-vm", "wait-up");
        assertThat(vm("dc1", "par-win11-golden").status).isEqualTo("up");
    }

    @Test
    void whatTheSnapshotsAlreadyTellIsRefusedBeforeAnyTaskExists() {
        takeSnapshot("dc1", "par-build-01", "twice");
        takeSnapshot("dc1", "par-build-01", "twice");
        List<String> ids = vm("dc1", "par-build-01").snapshots.stream().map(s -> s.id).toList();

        assertThat(handler.validate(restore("par-build-01", "nothing like it", null, "dc1"), "dc1"))
                .containsExactly(new Violation("vm.restore.snapshot-unknown", "snapshot",
                        List.of("par-build-01", "nothing like it", "“twice”, “twice”")));
        assertThat(handler.validate(restore("par-build-01", "twice", null, "dc1"), "dc1")).singleElement()
                .satisfies(v -> {
                    assertThat(v.key()).isEqualTo("vm.restore.snapshot-ambiguous");
                    assertThat(v.args().get(1)).isEqualTo("2");
                    assertThat((String) v.args().get(3)).contains(ids.get(0), ids.get(1));
                });
        assertThat(handler.validate(restore("par-build-01", ids.get(1), null, "dc1"), "dc1")).isEmpty();
        assertThat(handler.validate(restore("par-build-01", "Active VM", null, "dc1"), "dc1"))
                .containsExactly(new Violation("vm.restore.snapshot-active", "snapshot",
                        List.of("par-build-01", "Active VM")));
        String poolVm = engine("dc1").read(() -> engine("dc1").estate().vms.values().stream()
                .filter(vm -> vm.poolId != null).map(vm -> vm.name).findFirst().orElseThrow());
        assertThat(handler.validate(restore(poolVm, "x", null, "dc1"), "dc1")).singleElement()
                .satisfies(v -> assertThat(v.key()).isEqualTo("vm.restore.in-pool"));
        assertThat(handler.validate(restore("sg-jump-01", "anything", null, "dc2"), "dc2"))
                .containsExactly(new Violation("vm.restore.no-snapshots", "snapshot",
                        List.of("sg-jump-01", "anything")));
        assertThatThrownBy(() -> run(handler, RecordingTask.of("T6004", restore("par-build-01", "twice", null,
                "dc1"), "dc1"))).isInstanceOf(TaskFailure.class)
                .hasMessageStartingWith("VM par-build-01 has 2 snapshots described “twice”; name the one to restore "
                        + "by its id: ");
        assertThat(vm("dc1", "par-build-01").status).as("a refused restore powers nothing off").isEqualTo("up");
    }

    @Test
    void aTaskResumedAfterAskingForTheRestoreDoesNotRestoreTwice() {
        String snapshotId = takeSnapshot("dc2", "sg-jump-01", "before resume");
        changeMemory("dc2", "sg-jump-01", 3 * GIB);
        VmRestoreRequest request = restore("sg-jump-01", "before resume", null, "dc2");
        InMemoryJournal journal = new InMemoryJournal().crashAfter("restore");
        RecordingTask first = new RecordingTask("T6005", request, "dc2", Locale.ENGLISH, journal, false);
        assertThatThrownBy(() -> run(handler, first)).isInstanceOf(InMemoryJournal.SimulatedCrash.class);

        RecordingTask resumed = new RecordingTask("T6005", request, "dc2", Locale.ENGLISH, journal, true);
        TaskOutcome outcome = run(handler, resumed);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(resumed.deployLog()).contains("The engine already has the restore of sg-jump-01 to snapshot "
                + snapshotId + " from this task; it was not sent again.");
        Engine engine = engine("dc2");
        assertThat(engine.read(() -> engine.estate().events.stream()
                .filter(e -> e.code == 94 && "T6005-restore".equals(e.correlationId)).count())).isEqualTo(1);
        assertThat(vm("dc2", "sg-jump-01").status).as("it ran before the task powered it off").isEqualTo("up");
        SnapshotEntity snapshot = vm("dc2", "sg-jump-01").snapshots.get(0);
        assertThat(vm("dc2", "sg-jump-01").memoryBytes).isEqualTo(snapshot.memoryBytes);
    }
}
