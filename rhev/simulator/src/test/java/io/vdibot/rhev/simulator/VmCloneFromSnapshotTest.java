package io.vdibot.rhev.simulator;

import static io.vdibot.rhev.simulator.support.EngineLookups.jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.CpuBuilder;
import org.ovirt.engine.sdk4.builders.DataCenterBuilder;
import org.ovirt.engine.sdk4.builders.SnapshotBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.services.SnapshotsService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.DiskAttachment;
import org.ovirt.engine.sdk4.types.DiskStatus;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.Nic;
import org.ovirt.engine.sdk4.types.Snapshot;
import org.ovirt.engine.sdk4.types.SnapshotStatus;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;

/**
 * Cloning a VM from a snapshot as the SDK's CloneVmFromSnapshot example does it ({@code POST /vms} naming the
 * snapshot, no template): the new VM is image_locked while the snapshot's images are copied and the source
 * snapshot is locked, which holds off every other snapshot operation on the source VM; then the snapshot is ok and
 * the new VM down, with the snapshot's configuration.
 */
class VmCloneFromSnapshotTest {

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
    void aCloneOfARunningVmsSnapshotLocksTheSnapshotUntilTheImagesAreCopiedThenIsDownWithItsConfiguration() {
        Vm source = vms.list().search("name=par-jump-01").send().vms().get(0);
        SnapshotsService snapshots = vms.vmService(source.id()).snapshotsService();
        vms.vmService(source.id()).update().vm(new VmBuilder().description("jump host")).send();
        snapshots.add().snapshot(new SnapshotBuilder().description("mysnap")).send();
        fixture.advance(Duration.ofSeconds(25));
        // the source VM changes after the snapshot: the clone takes the snapshot's configuration
        vms.vmService(source.id()).update().vm(new VmBuilder().description("patched since")).send();
        Snapshot snap = snapshots.list().send().snapshots().stream()
                .filter(s -> Objects.equals(s.description(), "mysnap")).findFirst().orElseThrow();

        Vm clone = vms.add().vm(new VmBuilder().name("myclonedvm")
                        .snapshots(new SnapshotBuilder().id(snap.id()))
                        .cluster(new ClusterBuilder().name("Infra")))
                .header("Correlation-Id", "clone-mysnap").send().vm();

        assertThat(clone.status()).isEqualTo(VmStatus.IMAGE_LOCKED);
        assertThat(clone.template().id()).isEqualTo(source.template().id());
        assertThat(vms.vmService(source.id()).get().send().vm().status()).as("the source keeps running")
                .isEqualTo(VmStatus.UP);
        assertThat(snapshots.snapshotService(snap.id()).get().send().snapshot().snapshotStatus())
                .isEqualTo(SnapshotStatus.LOCKED);
        assertThat(diskStatuses(clone.id())).isNotEmpty().containsOnly(DiskStatus.LOCKED);
        assertThat(jobs(dc1, "clone-mysnap")).singleElement().satisfies(job -> {
            assertThat(job.description()).isEqualTo("Creating VM myclonedvm from Snapshot mysnap in Cluster Infra");
            assertThat(job.status()).isEqualTo(JobStatus.STARTED);
        });
        assertThat(events("clone-mysnap")).extracting(Event::codeAsInteger, Event::description).containsExactly(
                org.assertj.core.groups.Tuple.tuple(37,
                        "VM myclonedvm creation was initiated by admin@internal-authz."));

        String busy = "The VM is performing an operation on a Snapshot. Please wait for the operation to finish, "
                + "and try again.]";
        assertThatThrownBy(() -> snapshots.add().snapshot(new SnapshotBuilder().description("meanwhile")).send())
                .hasMessageContaining("[Cannot create Snapshot. " + busy).hasMessageContaining("409");
        assertThatThrownBy(() -> snapshots.snapshotService(snap.id()).remove().send())
                .hasMessageContaining("[Cannot remove Snapshot. " + busy);
        assertThatThrownBy(() -> vms.add().vm(new VmBuilder().name("second-clone")
                        .snapshots(new SnapshotBuilder().id(snap.id())).cluster(new ClusterBuilder().name("Infra")))
                .send()).hasMessageContaining("[Cannot add VM. " + busy);
        assertThatThrownBy(() -> vms.vmService(clone.id()).start().send())
                .hasMessageContaining("[Cannot run VM: VM is locked. Please try again in a few minutes.]");
        assertThatThrownBy(() -> vms.vmService(clone.id()).remove().send())
                .hasMessageContaining("VM is locked");

        fixture.advance(Duration.ofSeconds(30));
        Vm done = vms.vmService(clone.id()).get().send().vm();
        assertThat(done.status()).isEqualTo(VmStatus.DOWN);
        assertThat(done.description()).isEqualTo("jump host");
        assertThat(done.memoryAsLong()).isEqualTo(source.memoryAsLong());
        assertThat(done.cluster().id()).isEqualTo(source.cluster().id());
        assertThat(diskStatuses(clone.id())).hasSameSizeAs(diskStatuses(source.id())).containsOnly(DiskStatus.OK);
        List<Nic> sourceNics = vms.vmService(source.id()).nicsService().list().send().nics();
        List<Nic> cloneNics = vms.vmService(clone.id()).nicsService().list().send().nics();
        assertThat(cloneNics).extracting(Nic::name).containsExactlyElementsOf(sourceNics.stream().map(Nic::name)
                .toList());
        assertThat(cloneNics).extracting(n -> n.mac().address()).doesNotContainAnyElementsOf(
                sourceNics.stream().map(n -> n.mac().address()).toList());
        assertThat(snapshots.snapshotService(snap.id()).get().send().snapshot().snapshotStatus())
                .isEqualTo(SnapshotStatus.OK);
        assertThat(vms.vmService(clone.id()).snapshotsService().list().send().snapshots())
                .extracting(Snapshot::description).containsExactly("Active VM");
        assertThat(jobs(dc1, "clone-mysnap")).extracting(Job::status).containsExactly(JobStatus.FINISHED);
        assertThat(events("clone-mysnap")).extracting(Event::codeAsInteger).containsExactly(53, 37);
        // the snapshot is free again
        snapshots.snapshotService(snap.id()).remove().send();
    }

    @Test
    void theActiveSnapshotOfAVmThatIsDownClonesItAsItIsAndTheBodyOverridesTheConfiguration() {
        Vm source = vms.list().search("name=par-win11-golden").send().vms().get(0);
        Snapshot active = vms.vmService(source.id()).snapshotsService().list().send().snapshots().get(0);
        BigInteger memory = BigInteger.valueOf(6L << 30);

        Vm clone = vms.add().vm(new VmBuilder().name("golden-copy").description("a copy of the golden image")
                .memory(memory).snapshots(new SnapshotBuilder().id(active.id()))
                .cluster(new ClusterBuilder().name("Win-Desktops"))).send().vm();
        assertThat(clone.status()).isEqualTo(VmStatus.IMAGE_LOCKED);
        assertThat(vms.vmService(source.id()).get().send().vm().status()).isEqualTo(VmStatus.DOWN);

        fixture.advance(Duration.ofSeconds(30));
        Vm done = vms.vmService(clone.id()).get().send().vm();
        assertThat(done.status()).isEqualTo(VmStatus.DOWN);
        assertThat(done.description()).isEqualTo("a copy of the golden image");
        assertThat(done.memory()).isEqualTo(memory);
        assertThat(done.cpu().topology().coresAsInteger()).isEqualTo(source.cpu().topology().coresAsInteger());
        assertThat(done.os().type()).isEqualTo(source.os().type());
    }

    @Test
    void whileASnapshotIsClonedItsVmCannotBeRemoved() {
        String golden = vms.list().search("name=par-win11-golden").send().vms().get(0).id();
        SnapshotsService snapshots = vms.vmService(golden).snapshotsService();
        Snapshot taken = snapshots.add().snapshot(new SnapshotBuilder().description("base")).send().snapshot();
        fixture.advance(Duration.ofSeconds(10));
        vms.add().vm(new VmBuilder().name("golden-base").snapshots(new SnapshotBuilder().id(taken.id()))
                .cluster(new ClusterBuilder().name("Win-Desktops"))).send();

        assertThatThrownBy(() -> vms.vmService(golden).remove().send())
                .hasMessageContaining("[Cannot remove VM. The VM is performing an operation on a Snapshot.");
        assertThatThrownBy(() -> snapshots.snapshotService(taken.id()).restore().send())
                .hasMessageContaining("[Cannot preview Snapshot. The VM is performing an operation on a Snapshot.");
        fixture.advance(Duration.ofSeconds(30));
        assertThat(snapshots.snapshotService(taken.id()).get().send().snapshot().snapshotStatus())
                .isEqualTo(SnapshotStatus.OK);
    }

    @Test
    void refusalsFollowTheRestLayerThenTheCommand() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        String golden = vms.list().search("name=par-win11-golden").send().vms().get(0).id();
        String activeId = vms.vmService(golden).snapshotsService().list().send().snapshots().get(0).id();

        HttpResponse<String> noId = raw.post("vms", "<vm><name>x</name><cluster><name>Win-Desktops</name></cluster>"
                + "<snapshots><snapshot><description>mysnap</description></snapshot></snapshots></vm>");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("Snapshot [id] required for validateSnapshotExistence");
        HttpResponse<String> noTemplateNeeded = raw.post("vms", "<vm><name>no-template</name><cluster><name>"
                + "Win-Desktops</name></cluster><snapshots><snapshot id=\"" + activeId + "\"/></snapshots></vm>");
        assertThat(noTemplateNeeded.statusCode()).isEqualTo(202);

        assertThatThrownBy(() -> cloneInto("x", "00000000-0000-4000-8000-000000000404", "Win-Desktops"))
                .hasMessageContaining("404");
        assertThatThrownBy(() -> cloneInto("x", activeId, "No-Such-Cluster"))
                .hasMessageContaining("Entity not found: Cluster: name=No-Such-Cluster");
        assertThatThrownBy(() -> cloneInto("par-build-01", activeId, "Win-Desktops"))
                .hasMessageContaining("[Cannot add VM. The VM name is already in use, please choose a unique name "
                        + "and try again.]").hasMessageContaining("409");
        assertThatThrownBy(() -> cloneInto("bad name!", activeId, "Win-Desktops"))
                .hasMessageContaining("400");

        dc1.systemService().dataCentersService().add().dataCenter(new DataCenterBuilder().name("Lyon-DC")
                .local(false)).send();
        dc1.systemService().clustersService().add().cluster(new ClusterBuilder().name("Lyon-Desktops")
                .dataCenter(new DataCenterBuilder().name("Lyon-DC"))
                .cpu(new CpuBuilder().type("Intel Icelake Server Family")))
                .send();
        assertThatThrownBy(() -> cloneInto("elsewhere", activeId, "Lyon-Desktops"))
                .hasMessageContaining("[Cannot add VM. The selected Storage Domain is not part of the Data Center.]");
        fixture.advance(Duration.ofSeconds(30));
    }

    private static Vm cloneInto(String name, String snapshotId, String cluster) {
        return vms.add().vm(new VmBuilder().name(name).snapshots(new SnapshotBuilder().id(snapshotId))
                .cluster(new ClusterBuilder().name(cluster))).send().vm();
    }

    private static List<DiskStatus> diskStatuses(String vmId) {
        return vms.vmService(vmId).diskAttachmentsService().list().follow("disk").send().attachments().stream()
                .map(DiskAttachment::disk).map(d -> d.status()).toList();
    }

    private static List<Event> events(String correlationId) {
        return dc1.systemService().eventsService().list().search("correlation_id=" + correlationId).send().events();
    }
}
