package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.Cluster;
import org.ovirt.engine.sdk4.types.Host;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;

/**
 * Hosts report their physical memory and the memory the scheduler can still place on them, which drops while a VM
 * runs there and comes back when it is down; a VM no host has room for is refused by the Memory filter; disk
 * creation can end with illegal disks or never end, as the fault plan says.
 */
class HostMemoryTest {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

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

    @AfterEach
    void clearFaults() {
        fixture.simulator().site("dc1").faults().clear();
    }

    private static Host host(String name) {
        return dc1.systemService().hostsService().list().search("name=" + name).send().hosts().get(0);
    }

    private static Vm vm(String name) {
        return vms.list().search("name=" + name).send().vms().get(0);
    }

    private static VmService created(String name, String cluster, String template, Long memory) {
        VmBuilder spec = new VmBuilder().name(name).cluster(new ClusterBuilder().name(cluster))
                .template(new TemplateBuilder().name(template));
        if (memory != null) {
            spec.memory(memory);
        }
        Vm vm = vms.add().vm(spec).send().vm();
        fixture.advance(Duration.ofSeconds(10));
        return vms.vmService(vm.id());
    }

    @Test
    void aHostReportsItsMemoryAndWhatTheSchedulerCanStillPlaceThereWhichDropsWhileAVmRunsThere() {
        // par-hv-i01 is the one Infra host up and runs par-jump-01 (4 GiB): 256 GiB less the host's 256 MiB
        // reserve, less 4 GiB and 65 MiB of guest overhead
        Host infra = host("par-hv-i01");
        assertThat(infra.memoryAsLong()).isEqualTo(256 * GIB);
        long before = infra.maxSchedulingMemoryAsLong();
        assertThat(before).isEqualTo(256 * GIB - 256 * MIB - 4 * GIB - 65 * MIB);
        Cluster cluster = dc1.systemService().clustersService().list().search("name=Infra").send().clusters().get(0);
        assertThat(cluster.memoryPolicy().overCommit().percentAsInteger()).isEqualTo(100);

        VmService vm = created("mem-probe-01", "Infra", "rhel8-server", 8 * GIB);
        vm.start().send();
        assertThat(host("par-hv-i01").maxSchedulingMemoryAsLong()).isEqualTo(before - 8 * GIB - 65 * MIB);
        assertThat(host("par-hv-i01").memoryAsLong()).isEqualTo(256 * GIB);

        fixture.advance(Duration.ofSeconds(30));
        vm.stop().send();
        fixture.advance(Duration.ofSeconds(5));
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.DOWN);
        assertThat(host("par-hv-i01").maxSchedulingMemoryAsLong()).isEqualTo(before);
        // a host in maintenance runs nothing and reports its whole schedulable memory
        assertThat(host("par-hv-i02").maxSchedulingMemoryAsLong()).isEqualTo(256 * GIB - 256 * MIB);
    }

    @Test
    void aVmNoHostHasRoomForIsRefusedByTheMemoryFilterAndNothingRuns() {
        VmService huge = created("mem-huge-01", "Infra", "rhel8-server", 300 * GIB);
        long free = host("par-hv-i01").maxSchedulingMemoryAsLong();

        assertThatThrownBy(() -> huge.start().send())
                .hasMessageContaining("Cannot run VM. There is no host that satisfies current scheduling constraints.")
                .hasMessageContaining("The host par-hv-i01 did not satisfy internal filter Memory because its "
                        + "available memory is too low (" + free / MIB + " MB) to run the VM.")
                .hasMessageContaining("409");
        assertThat(huge.get().send().vm().status()).isEqualTo(VmStatus.DOWN);
        assertThat(host("par-hv-i01").maxSchedulingMemoryAsLong()).isEqualTo(free);
    }

    @Test
    void disksThatTurnIllegalLeaveTheVmDownWithIllegalImagesAndUnableToRun() {
        FaultPlan.Settings settings = new FaultPlan.Settings();
        settings.illegalDisksVmPattern = "mem-bad-.*";
        fixture.simulator().site("dc1").faults().apply(settings);

        VmService bad = created("mem-bad-01", "Linux-Desktops", "rhel9-desktop", null);
        VmService good = created("mem-good-01", "Linux-Desktops", "rhel9-desktop", null);

        assertThat(vm("mem-bad-01").status()).isEqualTo(VmStatus.DOWN);
        assertThat(vm("mem-bad-01").hasIllegalImages()).isTrue();
        assertThat(vm("mem-good-01").hasIllegalImages()).isFalse();
        assertThatThrownBy(() -> bad.start().send()).hasMessageContaining("Cannot run VM. VM's Image might be "
                + "corrupted.").hasMessageContaining("409");
        assertThat(dc1.systemService().eventsService().list().search("type=60").send().events())
                .anySatisfy(e -> assertThat(e.description()).isEqualTo("Failed to complete VM mem-bad-01 creation."));
        good.start().send();
    }

    @Test
    void disksThatNeverFinishKeepTheVmImageLocked() {
        FaultPlan.Settings settings = new FaultPlan.Settings();
        settings.lockedVmPattern = "mem-stuck-.*";
        fixture.simulator().site("dc1").faults().apply(settings);

        created("mem-stuck-01", "Linux-Desktops", "rhel9-desktop", null);
        fixture.advance(Duration.ofMinutes(10));

        assertThat(vm("mem-stuck-01").status()).isEqualTo(VmStatus.IMAGE_LOCKED);
    }
}
