package io.vdibot.rhev.simulator;

import static io.vdibot.rhev.simulator.support.EngineLookups.jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.SnapshotBuilder;
import org.ovirt.engine.sdk4.services.SnapshotsService;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.DiskAttachment;
import org.ovirt.engine.sdk4.types.DiskStatus;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.Snapshot;
import org.ovirt.engine.sdk4.types.SnapshotStatus;
import org.ovirt.engine.sdk4.types.SnapshotType;
import org.ovirt.engine.sdk4.types.VmStatus;

/**
 * Snapshots as the engine takes, restores and removes them, through the real SDK: the "Active VM" snapshot of
 * every VM, a live snapshot with memory, a snapshot of a VM that is down (the VM image_locked meanwhile), the
 * engine's refusals in its own words, a restore that needs the VM down and puts its configuration back, and a
 * removal.
 */
class SnapshotLifecycleTest {

    private static SimulatorFixture fixture;
    private static Connection dc1;
    private static VmsService vms;

    @BeforeAll
    static void start() {
        fixture = SimulatorFixture.start();
        dc1 = fixture.connect("dc1");
        vms = dc1.systemService().vmsService();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void everyVmHasItsActiveSnapshot() {
        String id = idOf("par-build-01");
        List<Snapshot> listed = snapshots(id).list().send().snapshots();

        assertThat(listed).singleElement().satisfies(active -> {
            assertThat(active.description()).isEqualTo("Active VM");
            assertThat(active.snapshotType()).isEqualTo(SnapshotType.ACTIVE);
            assertThat(active.snapshotStatus()).isEqualTo(SnapshotStatus.OK);
            assertThat(active.persistMemorystate()).isFalse();
            assertThat(active.date()).isEqualTo(vms.vmService(id).get().send().vm().creationTime());
            assertThat(active.vm().id()).isEqualTo(id);
        });
        String activeId = listed.get(0).id();
        assertThat(snapshots(id).snapshotService(activeId).get().send().snapshot().description())
                .isEqualTo("Active VM");
        assertThat(snapshots(id).list().send().snapshots().get(0).id()).as("the same id on every look")
                .isEqualTo(activeId);
        assertThatThrownBy(() -> snapshots(id).snapshotService("00000000-0000-4000-8000-000000000404").get().send())
                .hasMessageContaining("HTTP response code is \"404\"");
    }

    @Test
    void aLiveSnapshotKeepsTheVmUpAndIsLockedUntilItsVolumesAndMemoryAreSaved() {
        String id = idOf("par-jump-01");
        Snapshot taken = snapshots(id).add().snapshot(new SnapshotBuilder().description("before patching"))
                .header("Correlation-Id", "T7-create-snapshot").send().snapshot();

        assertThat(taken.snapshotStatus()).isEqualTo(SnapshotStatus.LOCKED);
        assertThat(taken.snapshotType()).isEqualTo(SnapshotType.REGULAR);
        assertThat(taken.persistMemorystate()).as("the engine's default for a running VM").isTrue();
        assertThat(status(id)).isEqualTo(VmStatus.UP);
        assertThat(diskStatuses(id)).containsOnly(DiskStatus.LOCKED);
        assertThat(jobs(dc1, "T7-create-snapshot")).singleElement().satisfies(job -> {
            assertThat(job.description()).isEqualTo("Creating VM Snapshot before patching for VM par-jump-01");
            assertThat(job.status()).isEqualTo(JobStatus.STARTED);
        });
        assertThat(events("T7-create-snapshot")).extracting(Event::description).containsExactly(
                "Snapshot 'before patching' creation for VM 'par-jump-01' was initiated by admin@internal-authz.");
        assertThatThrownBy(() -> snapshots(id).add().snapshot(new SnapshotBuilder().description("again")).send())
                .hasMessageContaining("[Cannot create Snapshot. The VM is performing an operation on a Snapshot. "
                        + "Please wait for the operation to finish, and try again.]")
                .hasMessageContaining("409");

        fixture.advance(Duration.ofSeconds(25));
        Snapshot done = snapshots(id).snapshotService(taken.id()).get().send().snapshot();
        assertThat(done.snapshotStatus()).isEqualTo(SnapshotStatus.OK);
        assertThat(done.description()).isEqualTo("before patching");
        assertThat(done.date()).isEqualTo(taken.date());
        assertThat(diskStatuses(id)).containsOnly(DiskStatus.OK);
        assertThat(jobs(dc1, "T7-create-snapshot")).extracting(Job::status).containsExactly(JobStatus.FINISHED);
        assertThat(events("T7-create-snapshot")).extracting(e -> e.codeAsInteger()).containsExactly(68, 45);
        assertThat(snapshots(id).list().send().snapshots()).extracting(Snapshot::description)
                .containsExactly("Active VM", "before patching");
    }

    @Test
    void aVmThatIsDownIsImageLockedWhileItsSnapshotIsTakenAndSavesNoMemory() {
        String id = idOf("par-win11-golden");
        Snapshot taken = snapshots(id).add()
                .snapshot(new SnapshotBuilder().description("golden v1").persistMemorystate(true)).send().snapshot();

        assertThat(taken.persistMemorystate()).as("nothing to save from a VM that is down").isFalse();
        assertThat(status(id)).isEqualTo(VmStatus.IMAGE_LOCKED);
        assertThatThrownBy(() -> vms.vmService(id).start().send())
                .hasMessageContaining("[Cannot run VM: VM is locked. Please try again in a few minutes.]");
        assertThatThrownBy(() -> snapshots(id).add().snapshot(new SnapshotBuilder().description("again")).send())
                .hasMessageContaining("[Cannot create Snapshot because the VM is in Image Locked status.]");

        fixture.advance(Duration.ofSeconds(10));
        assertThat(status(id)).isEqualTo(VmStatus.DOWN);
        assertThat(snapshots(id).snapshotService(taken.id()).get().send().snapshot().snapshotStatus())
                .isEqualTo(SnapshotStatus.OK);
    }

    @Test
    void aSnapshotNeedsADescriptionInTheCharactersTheEngineAccepts() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        String path = "vms/" + idOf("par-build-01") + "/snapshots";

        HttpResponse<String> missing = raw.post(path, "<snapshot><persist_memorystate>false</persist_memorystate>"
                + "</snapshot>");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Incomplete parameters", "Snapshot [description] required for add");
        HttpResponse<String> emoji = raw.post(path, "<snapshot><description>party \uD83C\uDF89</description>"
                + "</snapshot>");
        assertThat(emoji.statusCode()).isEqualTo(400);
        assertThat(emoji.body()).contains("[Snapshot description must be formed only from alpha-numeric characters "
                + "and special characters that conform to the standard ASCII character set.]");
        assertThat(snapshots(idOf("par-build-01")).list().send().snapshots()).hasSize(1);
        HttpResponse<String> chinese = raw.post(path, "<snapshot><description>升级前</description>"
                + "<persist_memorystate>false</persist_memorystate></snapshot>");
        assertThat(chinese.statusCode()).as("letters of any script are fine").isEqualTo(202);
        fixture.advance(Duration.ofSeconds(10));
    }

    @Test
    void aRestoreNeedsTheVmDownThenPutsTheSnapshotsConfigurationBackUnderANewActiveSnapshot() {
        String id = idOf("sg-jump-01", "dc2");
        Connection dc2 = fixture.connect("dc2");
        VmService vm = dc2.systemService().vmsService().vmService(id);
        SnapshotsService snapshots = vm.snapshotsService();
        String activeBefore = snapshots.list().send().snapshots().get(0).id();
        Snapshot taken = snapshots.add().snapshot(new SnapshotBuilder().description("clean")
                .persistMemorystate(false)).send().snapshot();
        fixture.advance(Duration.ofSeconds(10));
        Engine engine = fixture.simulator().site("dc2").engine();
        long memoryWhenTaken = engine.read(() -> engine.estate().vms.get(id).memoryBytes);
        // the VM is changed after the snapshot (the simulator has no update endpoint)
        engine.write(() -> engine.estate().vms.get(id).memoryBytes = memoryWhenTaken * 2);

        assertThatThrownBy(() -> snapshots.snapshotService(taken.id()).restore().send())
                .hasMessageContaining("[Cannot preview Snapshot. At least one of the VMs is not down.]")
                .hasMessageContaining("409");
        vm.stop().send();
        fixture.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> snapshots.snapshotService(activeBefore).restore().send())
                .hasMessageContaining("[Cannot preview Snapshot. The operation is only allowed for regular snapshots.]");
        assertThatThrownBy(() -> snapshots.snapshotService("00000000-0000-4000-8000-000000000404").restore().send())
                .hasMessageContaining("[Cannot preview Snapshot. VM's Snapshot does not exist.]")
                .hasMessageContaining("400");

        snapshots.snapshotService(taken.id()).restore().header("Correlation-Id", "T8-restore").send();
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.IMAGE_LOCKED);
        assertThat(snapshots.snapshotService(taken.id()).get().send().snapshot().snapshotStatus())
                .isEqualTo(SnapshotStatus.LOCKED);
        assertThat(jobs(dc2, "T8-restore")).extracting(Job::description, Job::status).containsExactlyInAnyOrder(
                Tuple.tuple("Preview VM Snapshot clean of VM sg-jump-01", JobStatus.FINISHED),
                Tuple.tuple("Restoring VM Snapshot clean of VM sg-jump-01", JobStatus.STARTED));
        assertThatThrownBy(() -> vm.start().send()).hasMessageContaining("VM is locked");

        fixture.advance(Duration.ofSeconds(12));
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.DOWN);
        assertThat(vm.get().send().vm().memoryAsLong()).isEqualTo(memoryWhenTaken);
        List<Snapshot> after = snapshots.list().send().snapshots();
        assertThat(after).extracting(Snapshot::description).containsExactly("clean", "Active VM");
        assertThat(after).extracting(Snapshot::snapshotStatus).containsOnly(SnapshotStatus.OK);
        assertThat(after.get(1).id()).as("the engine makes a new active snapshot").isNotEqualTo(activeBefore);
        assertThat(dc2.systemService().eventsService().list().search("correlation_id=T8-restore").send().events())
                .extracting(e -> e.codeAsInteger()).containsExactly(95, 94, 71, 46);
        assertThat(jobs(dc2, "T8-restore")).extracting(Job::status).containsOnly(JobStatus.FINISHED);
    }

    @Test
    void aRegularSnapshotIsMergedAwayTheActiveOneStays() {
        String id = idOf("finance-win10-3");
        SnapshotsService snapshots = snapshots(id);
        Snapshot taken = snapshots.add().snapshot(new SnapshotBuilder().description("pool vm").persistMemorystate(false))
                .send().snapshot();
        String activeId = snapshots.list().send().snapshots().stream()
                .filter(s -> s.snapshotType() == SnapshotType.ACTIVE).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> snapshots.snapshotService(taken.id()).remove().send())
                .as("RemoveSnapshot checks for a snapshot operation under way before it looks at the disks")
                .hasMessageContaining("[Cannot remove Snapshot. The VM is performing an operation on a Snapshot.");
        fixture.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> snapshots.snapshotService(activeId).remove().send())
                .hasMessageContaining("[Cannot remove Snapshot. The operation is only allowed for regular snapshots.]");
        snapshots.snapshotService(taken.id()).remove().header("Correlation-Id", "T9-remove").send();
        assertThat(snapshots.snapshotService(taken.id()).get().send().snapshot().snapshotStatus())
                .isEqualTo(SnapshotStatus.LOCKED);
        fixture.advance(Duration.ofSeconds(20));
        assertThat(snapshots.list().send().snapshots()).extracting(Snapshot::id).containsExactly(activeId);
        assertThat(events("T9-remove")).extracting(e -> e.codeAsInteger()).containsExactly(356, 342);
    }

    private static String idOf(String name) {
        return idOf(name, "dc1");
    }

    private static String idOf(String name, String site) {
        Engine engine = fixture.simulator().site(site).engine();
        return engine.read(() -> engine.estate().vms.values().stream().filter(vm -> vm.name.equals(name))
                .map(vm -> vm.id).findFirst().orElseThrow());
    }

    private static SnapshotsService snapshots(String vmId) {
        return vms.vmService(vmId).snapshotsService();
    }

    private static VmStatus status(String id) {
        return vms.vmService(id).get().send().vm().status();
    }

    private static List<DiskStatus> diskStatuses(String vmId) {
        return vms.vmService(vmId).diskAttachmentsService().list().follow("disk").send().attachments().stream()
                .map(DiskAttachment::disk).map(d -> d.status()).toList();
    }

    private static List<Event> events(String correlationId) {
        return dc1.systemService().eventsService().list().search("correlation_id=" + correlationId).send().events();
    }
}
