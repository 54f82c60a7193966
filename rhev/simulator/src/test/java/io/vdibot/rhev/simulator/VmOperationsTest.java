package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.InitializationBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;

/** Stopping, removing and first-boot initialization of VMs, and the engine's refusals around them. */
class VmOperationsTest {

    private static SimulatorFixture fixture;
    private static Connection dc1;
    private static VmsService vms;

    @BeforeAll
    static void start() {
        FaultPlan.Settings noIp = new FaultPlan.Settings();
        noIp.noIpVmPattern = "silent-.*";
        fixture = SimulatorFixture.start(b -> b.faults("dc1", noIp));
        dc1 = fixture.connect("dc1");
        vms = dc1.systemService().vmsService();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void stopPowersOffThroughPoweringDownAndClearsTheGuestAddresses() {
        VmService vm = vms.vmService(byName("par-build-01").id());
        assertThat(vm.reportedDevicesService().list().send().reportedDevice()).isNotEmpty();

        vm.stop().send();
        Vm stopping = vm.get().send().vm();
        assertThat(stopping.status()).isEqualTo(VmStatus.POWERING_DOWN);
        assertThatThrownBy(() -> vm.stop().send()).hasMessageContaining("Cannot stop VM. VM is not running.")
                .hasMessageContaining("409");

        fixture.advance(Duration.ofSeconds(5));
        Vm down = vm.get().send().vm();
        assertThat(down.status()).isEqualTo(VmStatus.DOWN);
        assertThat(down.fqdn()).isNull();
        assertThat(down.hostPresent()).isFalse();
        assertThat(vm.reportedDevicesService().list().send().reportedDevice()).isEmpty();
        assertThat(vms.list().search("name=par-build-01 and ip=10.*").send().vms()).isEmpty();
        assertThatThrownBy(() -> vm.shutdown().send()).hasMessageContaining("Cannot shutdown VM. VM is not running.");
    }

    @Test
    void shutdownTakesTheSamePathAndLogsTheGuestShutdown() {
        String id = byName("par-jump-01").id();
        VmService vm = vms.vmService(id);
        long mark = dc1.systemService().eventsService().list().max(1).send().events().get(0).indexAsLong();

        vm.shutdown().send();
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.POWERING_DOWN);
        fixture.advance(Duration.ofSeconds(5));
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.DOWN);
        assertThat(vm.reportedDevicesService().list().send().reportedDevice()).isEmpty();
        assertThat(dc1.systemService().eventsService().list().from(mark).send().events())
                .filteredOn(e -> e.vmPresent() && id.equals(e.vm().id()))
                .extracting(e -> e.codeAsInteger()).containsExactly(61, 73);
    }

    @Test
    void removeRefusesRunningAndPoolVmsAndDeletesADownOne() {
        VmService running = vms.vmService(byName("finance-win10-1").id());
        assertThat(running.get().send().vm().status()).isEqualTo(VmStatus.UP);
        assertThatThrownBy(() -> running.remove().send())
                .hasMessageContaining("Fault detail is \"[Cannot remove VM. VM is running.]\"")
                .hasMessageContaining("HTTP response code is \"409\"");

        VmService pooled = vms.vmService(byName("finance-win10-6").id());
        assertThat(pooled.get().send().vm().status()).isEqualTo(VmStatus.DOWN);
        assertThatThrownBy(() -> pooled.remove().send())
                .hasMessageContaining("[Cannot remove VM. VM is attached to a VM Pool.]")
                .hasMessageContaining("HTTP response code is \"409\"");

        Vm created = createAndSettle("remove-me-01", "rhel9-desktop", "Linux-Desktops", null);
        vms.vmService(created.id()).remove().send();
        assertThat(vms.list().search("name=remove-me-01").send().vms()).isEmpty();
        assertThatThrownBy(() -> vms.vmService(created.id()).get().send()).hasMessageContaining("404");
    }

    @Test
    void theFirstRunAppliesStoredInitializationChosenByTheOperatingSystem() {
        Vm windows = createAndSettle("init-win-01", "win10-22h2", "Win-Desktops", "<unattend/>");
        Vm linux = createAndSettle("init-lnx-01", "rhel9-desktop", "Linux-Desktops", "#cloud-config\n");
        Vm bare = createAndSettle("init-none-01", "rhel9-desktop", "Linux-Desktops", null);

        vms.vmService(windows.id()).start().send();
        vms.vmService(linux.id()).start().send();
        vms.vmService(bare.id()).start().send();
        assertThat(stored(windows.id()).initializationType).isEqualTo("sysprep");
        assertThat(stored(linux.id()).initializationType).isEqualTo("cloud_init");
        assertThat(stored(bare.id()).initializationType).isNull();

        fixture.advance(Duration.ofSeconds(30));
        vms.vmService(linux.id()).stop().send();
        fixture.advance(Duration.ofSeconds(5));
        vms.vmService(linux.id()).start().send();
        assertThat(stored(linux.id()).initializationType).as("only the first run initializes").isNull();

        Vm explicit = createAndSettle("init-lnx-02", "rhel9-desktop", "Linux-Desktops", null);
        vms.vmService(explicit.id()).start().useCloudInit(true)
                .vm(new VmBuilder().initialization(new InitializationBuilder().customScript("#cloud-config\n"))).send();
        assertThat(stored(explicit.id()).initializationType).isEqualTo("cloud_init");
    }

    @Test
    void askingForTwoInitializationMethodsAtOnceIs409() {
        Vm vm = createAndSettle("init-both-01", "rhel9-desktop", "Linux-Desktops", null);
        assertThatThrownBy(() -> vms.vmService(vm.id()).start().useCloudInit(true).useSysprep(true).send())
                .hasMessageContaining("Fault reason is \"Cannot use multiple initialization tags simultaneously "
                        + "when running VM.\"")
                .hasMessageContaining("HTTP response code is \"409\"");
        assertThat(vms.vmService(vm.id()).get().send().vm().status()).isEqualTo(VmStatus.DOWN);
    }

    @Test
    void noHostUpInTheClusterMeansTheVmCannotRun() {
        Vm vm = createAndSettle("nohost-01", "rhel8-server", "Infra", null);
        Engine engine = fixture.simulator().site("dc1").engine();
        List<HostEntity> infraHosts = engine.read(() -> engine.estate().hosts.values().stream()
                .filter(h -> h.clusterId.equals(stored(vm.id()).clusterId) && h.status.equals("up")).toList());
        assertThat(infraHosts).isNotEmpty();
        engine.write(() -> {
            infraHosts.forEach(h -> h.status = "maintenance");
            return null;
        });
        try {
            assertThatThrownBy(() -> vms.vmService(vm.id()).start().send())
                    .hasMessageContaining("[Cannot run VM. There are no available running Hosts in the Cluster.]")
                    .hasMessageContaining("HTTP response code is \"409\"");
        } finally {
            engine.write(() -> {
                infraHosts.forEach(h -> h.status = "up");
                return null;
            });
        }
        vms.vmService(vm.id()).start().send();
        assertThat(vms.vmService(vm.id()).get().send().vm().status()).isEqualTo(VmStatus.WAIT_FOR_LAUNCH);
    }

    @Test
    void aVmMatchingTheNoIpPatternComesUpButNeverReportsAnAddress() {
        Vm silent = createAndSettle("silent-01", "rhel9-desktop", "Linux-Desktops", null);
        Vm chatty = createAndSettle("chatty-01", "rhel9-desktop", "Linux-Desktops", null);
        vms.vmService(silent.id()).start().send();
        vms.vmService(chatty.id()).start().send();

        fixture.advance(Duration.ofMinutes(10));
        assertThat(vms.vmService(silent.id()).get().send().vm().status()).isEqualTo(VmStatus.UP);
        assertThat(vms.vmService(silent.id()).reportedDevicesService().list().send().reportedDevice()).isEmpty();
        assertThat(vms.vmService(chatty.id()).reportedDevicesService().list().send().reportedDevice()).hasSize(1);
    }

    private static Vm createAndSettle(String name, String template, String cluster, String script) {
        VmBuilder vm = new VmBuilder().name(name).cluster(new ClusterBuilder().name(cluster))
                .template(new TemplateBuilder().name(template));
        if (script != null) {
            vm.initialization(new InitializationBuilder().customScript(script));
        }
        Vm created = vms.add().vm(vm).send().vm();
        fixture.advance(Duration.ofSeconds(10));
        assertThat(vms.vmService(created.id()).get().send().vm().status()).isEqualTo(VmStatus.DOWN);
        return created;
    }

    private static Vm byName(String name) {
        return vms.list().search("name=" + name).send().vms().get(0);
    }

    private static VmEntity stored(String id) {
        Engine engine = fixture.simulator().site("dc1").engine();
        return engine.read(() -> engine.estate().vms.get(id));
    }
}
