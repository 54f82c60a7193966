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
import org.ovirt.engine.sdk4.builders.InitializationBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;

/** VM creation, start, guest-agent IP and the engine's refusals, through the real SDK over HTTPS. */
class VmLifecycleTest {

    private static SimulatorFixture fixture;
    private static Connection dc1;

    @BeforeAll
    static void start() {
        fixture = SimulatorFixture.start();
        dc1 = fixture.connect("dc1");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void createdVmIsImageLockedThenDownThenUpWithAnIpOnlyAfterTheGuestAgentReports() {
        VmsService vms = dc1.systemService().vmsService();
        Vm created = vms.add().vm(new VmBuilder().name("lifecycle-01")
                .cluster(new ClusterBuilder().name("Linux-Desktops"))
                .template(new TemplateBuilder().name("rhel9-desktop"))
                .initialization(new InitializationBuilder().customScript("#cloud-config\nruncmd: [echo hi]"))).send().vm();
        assertThat(created.status()).isEqualTo(VmStatus.IMAGE_LOCKED);
        VmService vm = vms.vmService(created.id());

        assertThatThrownBy(() -> vm.start().send()).hasMessageContaining("VM is locked")
                .hasMessageContaining("409");

        fixture.advance(Duration.ofSeconds(10));
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.DOWN);

        vm.start().send();
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.WAIT_FOR_LAUNCH);
        fixture.advance(Duration.ofSeconds(3));
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.POWERING_UP);
        fixture.advance(Duration.ofSeconds(25));
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.UP);
        assertThat(vm.reportedDevicesService().list().send().reportedDevice()).isEmpty();

        fixture.advance(Duration.ofSeconds(20));
        var devices = vm.reportedDevicesService().list().send().reportedDevice();
        assertThat(devices).hasSize(1);
        assertThat(devices.get(0).ips()).anySatisfy(ip -> assertThat(ip.address()).startsWith("10."));
        assertThat(vms.list().search("ip=" + devices.get(0).ips().get(0).address()).send().vms())
                .extracting(Vm::name).containsExactly("lifecycle-01");

        assertThatThrownBy(() -> vm.start().send()).hasMessageContaining("Cannot run VM. VM is running.");
    }

    @Test
    void duplicateNameUnknownClusterAndMissingFieldsFailLikeTheEngine() {
        VmsService vms = dc1.systemService().vmsService();
        assertThatThrownBy(() -> vms.add().vm(new VmBuilder().name("par-jump-01")
                .cluster(new ClusterBuilder().name("Infra")).template(new TemplateBuilder().name("rhel8-server")))
                .send())
                .hasMessageContaining("Cannot add VM. The VM name is already in use")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> vms.add().vm(new VmBuilder().name("x1")
                .cluster(new ClusterBuilder().name("Nope")).template(new TemplateBuilder().name("rhel8-server")))
                .send())
                .hasMessageContaining("Entity not found: Cluster: name=Nope").hasMessageContaining("404");
        assertThatThrownBy(() -> vms.add().vm(new VmBuilder().name("x2")
                .cluster(new ClusterBuilder().name("Infra"))).send())
                .hasMessageContaining("Vm [template.id|name] required for add").hasMessageContaining("400");
        assertThatThrownBy(() -> vms.vmService("6d1c1c1c-0000-0000-0000-000000000000").get().send())
                .hasMessageContaining("404");
    }
}
