package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.ConsoleBuilder;
import org.ovirt.engine.sdk4.builders.CpuBuilder;
import org.ovirt.engine.sdk4.builders.CpuTopologyBuilder;
import org.ovirt.engine.sdk4.builders.HighAvailabilityBuilder;
import org.ovirt.engine.sdk4.builders.HostBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainLeaseBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.builders.VmPlacementPolicyBuilder;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.Host;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmAffinity;

/** UpdateVm through the SDK, as provisioning scripts call it: what changes at once and what waits for the next run. */
class VmUpdateTest {

    private static final long GIB = 1L << 30;

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
    void aVmThatIsDownTakesEveryChangeAtOnce() {
        VmService vm = vms.vmService(idOf("par-win11-golden"));
        Host host = dc1.systemService().hostsService().list().search("cluster=Win-Desktops").send().hosts().get(0);
        String dataDomain = dc1.systemService().storageDomainsService().list().search("name=paris-data-01").send()
                .storageDomains().get(0).id();

        Vm answer = vm.update().vm(new VmBuilder().description("golden image").memory(8 * GIB)
                .cpu(new CpuBuilder().topology(new CpuTopologyBuilder().sockets(2).cores(2)))
                .highAvailability(new HighAvailabilityBuilder().enabled(true).priority(50))
                .placementPolicy(new VmPlacementPolicyBuilder().affinity(VmAffinity.PINNED)
                        .hosts(new HostBuilder().id(host.id())))
                .console(new ConsoleBuilder().enabled(true))
                .lease(new StorageDomainLeaseBuilder().storageDomain(new StorageDomainBuilder().id(dataDomain))))
                .send().vm();

        assertThat(answer.nextRunConfigurationExists()).isFalse();
        Vm read = vm.get().send().vm();
        assertThat(read.description()).isEqualTo("golden image");
        assertThat(read.memoryAsLong()).isEqualTo(8 * GIB);
        assertThat(read.cpu().topology().socketsAsInteger()).isEqualTo(2);
        assertThat(read.cpu().topology().coresAsInteger()).isEqualTo(2);
        assertThat(read.highAvailability().enabled()).isTrue();
        assertThat(read.highAvailability().priorityAsInteger()).isEqualTo(50);
        assertThat(read.placementPolicy().affinity()).isEqualTo(VmAffinity.PINNED);
        assertThat(read.placementPolicy().hosts()).extracting(Host::id).containsExactly(host.id());
        assertThat(read.lease().storageDomain().id()).isEqualTo(dataDomain);
        // the console is one of the expensive attributes the engine only shows with All-Content
        assertThat(read.consolePresent()).isFalse();
        assertThat(vm.get().allContent(true).send().vm().console().enabled()).isTrue();
        assertThat(vms.list().search("name=par-win11-golden").allContent(true).send().vms().get(0).console().enabled())
                .isTrue();

        vm.update().vm(new VmBuilder().lease(new StorageDomainLeaseBuilder())).send();
        assertThat(vm.get().send().vm().leasePresent()).isFalse();
    }

    @Test
    void aRunningVmKeepsHardwareChangesAsItsNextRunConfiguration() {
        VmService vm = vms.vmService(idOf("par-build-01"));
        long before = vm.get().send().vm().memoryAsLong();

        Vm answer = vm.update().vm(new VmBuilder().memory(before * 2).description("bigger next time")).send().vm();

        assertThat(answer.nextRunConfigurationExists()).isTrue();
        assertThat(answer.memoryAsLong()).isEqualTo(before);
        assertThat(answer.description()).isEqualTo("bigger next time");
        assertThat(vm.get().nextRun(true).send().vm().memoryAsLong()).isEqualTo(before * 2);

        vm.shutdown().send();
        fixture.advance(Duration.ofSeconds(5));
        Vm down = vm.get().send().vm();
        assertThat(down.nextRunConfigurationExists()).isFalse();
        assertThat(down.memoryAsLong()).isEqualTo(before * 2);
    }

    @Test
    void refusalsUseTheEnginesTexts() {
        Vm creating = vms.add().vm(new VmBuilder().name("upd-locked").cluster(new ClusterBuilder().name("Linux-Desktops"))
                .template(new TemplateBuilder().name("rhel9-desktop"))).send().vm();
        assertThatThrownBy(() -> vms.vmService(creating.id()).update().vm(new VmBuilder().memory(GIB)).send())
                .hasMessageContaining("[Cannot edit VM: VM is locked. Please try again in a few minutes.]")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> vms.vmService(idOf("par-win11-golden")).update()
                .vm(new VmBuilder().name("par-jump-01")).send())
                .hasMessageContaining("[Cannot edit VM. The VM name is already in use").hasMessageContaining("409");
        assertThatThrownBy(() -> vms.vmService(idOf("par-win11-golden")).update().vm(new VmBuilder().memory(0)).send())
                .hasMessageContaining("400");
    }

    private static String idOf(String name) {
        return vms.list().search("name=" + name).send().vms().get(0).id();
    }
}
