package io.vdibot.rhev.vm;

import io.vdibot.commands.i18n.EngineTerm;
import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.schedule.Schedule;
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
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code vm.snapshot} against the simulated engine of site dc1, through the real SDK. */
class VmSnapshotHandlerTest {

    static final VmSnapshotTimings FAST = new VmSnapshotTimings(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    private static final Schedule NOW = Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC"));

    private static Sites sites;
    private static InventoryCache inventory;
    private static VmSnapshotHandler handler;

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
        inventory = new InventoryCache(new InventoryQueries(new EngineCalls(sites.connections(),
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)), Sleeper.system())));
        handler = new VmSnapshotHandler(inventory, FAST, Clock.systemUTC(), Sleeper.system());
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    private static Engine engine() {
        return sites.simulator().site("dc1").engine();
    }

    private static VmEntity vm(String name) {
        return engine().read(() -> engine().estate().vms.values().stream().filter(vm -> vm.name.equals(name))
                .findFirst().orElseThrow());
    }

    private static List<SnapshotEntity> snapshotsOf(String name) {
        return engine().read(() -> List.copyOf(vm(name).snapshots));
    }

    private static VmSnapshotRequest snapshot(String vm, String description, Boolean memory) {
        return new VmSnapshotRequest(vm, description, memory, "dc1", NOW);
    }

    @Test
    void takesASnapshotOfARunningVmWithItsMemoryAndWaitsUntilTheEngineHasIt() {
        VmSnapshotRequest request = snapshot("par-build-01", "before patching", null);
        assertThat(handler.validate(request, "dc1")).isEmpty();

        RecordingTask task = RecordingTask.of("T5001", request, "dc1");
        TaskOutcome outcome = run(handler, task);

        SnapshotEntity taken = snapshotsOf("par-build-01").stream()
                .filter(s -> s.description.equals("before patching")).findFirst().orElseThrow();
        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(outcome.summary()).isEqualTo("Snapshot “before patching” of VM par-build-01 at site dc1 taken (id "
                + taken.id + ").");
        assertThat(taken.status).isEqualTo("ok");
        assertThat(taken.persistMemory).isTrue();
        assertThat(vm("par-build-01").status).isEqualTo("up");
        assertThat(outcome.result().blocks()).filteredOn(FieldsBlock.class::isInstance).singleElement()
                .satisfies(block -> assertThat(((FieldsBlock) block).fields()).extracting(FieldsBlock.Field::value)
                        .contains("par-build-01", "dc1", "before patching", taken.id, "saved with the disks"));
        assertThat(task.journal().completedSteps()).containsOnlyKeys("preflight", "create-snapshot",
                "wait-snapshot");
        assertThat(task.journal().completedSteps().get("create-snapshot")).isEqualTo(taken.id);
        assertThat(task.deployLog()).contains("Snapshot “before patching” of par-build-01 is ready.");
    }

    @Test
    void withoutADescriptionTheSnapshotIsNamedAfterTheTimeAskedForAndAVmThatIsDownSavesNoMemory() {
        Schedule asked = Schedule.at(Instant.parse("2026-11-26T09:00:05Z"), ZoneId.of("Europe/Paris"));
        VmSnapshotRequest request = new VmSnapshotRequest("par-win11-golden", null, null, "dc1", asked);

        TaskOutcome outcome = run(handler, RecordingTask.of("T5002", request, "dc1"));

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(snapshotsOf("par-win11-golden")).singleElement().satisfies(s -> {
            assertThat(s.description).isEqualTo("VDI Bot snapshot 2026-11-26 10:00:05 Europe/Paris");
            assertThat(s.persistMemory).isFalse();
        });
        assertThat(vm("par-win11-golden").status).as("image_locked only while it was taken").isEqualTo("down");
    }

    @Test
    void whatTheInventoryAlreadyTellsIsRefusedBeforeAnyTaskExists() {
        assertThat(handler.validate(snapshot("par-bild-01", null, null), "dc1")).containsExactly(
                new Violation("validate.vm-unknown-near", "name", List.of("par-bild-01", "dc1", "par-build-01")));
        assertThat(handler.validate(snapshot("zzz-nothing-like-it", null, null), "dc1")).containsExactly(
                new Violation("validate.vm-unknown", "name", List.of("zzz-nothing-like-it", "dc1")));
        String poolVm = engine().read(() -> engine().estate().vms.values().stream()
                .filter(vm -> vm.poolId != null && engine().estate().pools.get(vm.poolId).name.equals("finance-win10"))
                .map(vm -> vm.name).findFirst().orElseThrow());
        assertThat(handler.validate(snapshot(poolVm, null, null), "dc1"))
                .containsExactly(new Violation("vm.snapshot.in-pool", "name", List.of(poolVm, "finance-win10")));
        assertThat(handler.validate(snapshot("par-jump-01", "party \uD83C\uDF89", null), "dc1"))
                .containsExactly(new Violation("vm.snapshot.bad-description", "description",
                        List.of("\uD83C\uDF89")));
        assertThat(handler.validate(snapshot("par-jump-01", "升级前", null), "dc1")).isEmpty();
    }

    @Test
    void aSnapshotUnderWayOrALockedVmIsRefusedAndThePreflightSaysTheSame() {
        SnapshotEntity underWay = new SnapshotEntity();
        underWay.id = "11111111-2222-4333-8444-555555555555";
        underWay.description = "someone else's";
        underWay.date = Instant.now();
        engine().write(() -> vm("par-jump-01").snapshots.add(underWay));
        try {
            VmSnapshotRequest request = snapshot("par-jump-01", "mine", false);
            assertThat(handler.validate(request, "dc1")).containsExactly(new Violation("vm.snapshot.busy", "name",
                    List.of("par-jump-01", "someone else's", EngineTerm.IMAGE_STATUS.of("locked"))));
            assertThatThrownBy(() -> run(handler, RecordingTask.of("T5003", request, "dc1")))
                    .isInstanceOf(TaskFailure.class).hasMessageStartingWith("Snapshot “someone else's” of VM "
                            + "par-jump-01 is locked");
        } finally {
            engine().write(() -> vm("par-jump-01").snapshots.remove(underWay));
        }
        String lockedVm = engine().write(() -> {
            VmEntity vm = vm("par-jump-01");
            vm.status = "image_locked";
            return vm.name;
        });
        inventory.refresh("dc1");
        try {
            assertThat(handler.validate(snapshot(lockedVm, "mine", false), "dc1"))
                    .containsExactly(new Violation("vm.snapshot.vm-locked", "name", List.of(lockedVm)));
        } finally {
            engine().write(() -> vm("par-jump-01").status = "up");
            inventory.refresh("dc1");
        }
    }

    @Test
    void aTaskResumedAfterAskingForTheSnapshotFindsItInsteadOfTakingASecond() {
        VmSnapshotRequest request = snapshot("par-jump-01", "resume me", null);
        InMemoryJournal journal = new InMemoryJournal().crashAfter("create-snapshot");
        RecordingTask first = new RecordingTask("T5004", request, "dc1", Locale.ENGLISH, journal, false);
        assertThatThrownBy(() -> run(handler, first)).isInstanceOf(InMemoryJournal.SimulatedCrash.class);
        assertThat(journal.interruptedInside("create-snapshot")).isTrue();

        RecordingTask resumed = new RecordingTask("T5004", request, "dc1", Locale.ENGLISH, journal, true);
        TaskOutcome outcome = run(handler, resumed);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        List<SnapshotEntity> mine = snapshotsOf("par-jump-01").stream()
                .filter(s -> s.description.equals("resume me")).toList();
        assertThat(mine).hasSize(1);
        assertThat(resumed.deployLog()).contains("The engine already had the request of this task for snapshot "
                + "“resume me” of par-jump-01; continuing with snapshot " + mine.get(0).id
                + " instead of taking another.");
        assertThat(journal.executed()).containsExactly("preflight", "create-snapshot", "create-snapshot",
                "wait-snapshot");
    }

    @Test
    void theResultIsInChineseForAChineseRequester() {
        VmSnapshotRequest request = snapshot("par-jump-01", "中文快照", false);
        RecordingTask task = new RecordingTask("T5005", request, "dc1", Locale.SIMPLIFIED_CHINESE,
                new InMemoryJournal(), false);

        TaskOutcome outcome = run(handler, task);

        assertThat(outcome.summary()).startsWith("已为站点 dc1 上的虚拟机 par-jump-01 创建快照“中文快照”");
        assertThat(task.progressLines()).contains("正在为 par-jump-01 创建快照“中文快照”……");
    }
}
