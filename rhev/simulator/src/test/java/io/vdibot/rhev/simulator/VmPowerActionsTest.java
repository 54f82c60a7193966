package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.VmStatus;

/** Reboot, and a power-off against a shutdown, as the engine's status machine runs them, through the real SDK. */
class VmPowerActionsTest {

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
    void rebootGoesThroughRebootInProgressBackToUpWithItsEventJobAndAddressAgain() {
        String id = idOf("par-jump-01");
        VmService vm = vms.vmService(id);
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.UP);

        vm.reboot().header("Correlation-Id", "T9-reboot-vm").send();

        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.REBOOT_IN_PROGRESS);
        assertThat(vm.reportedDevicesService().list().send().reportedDevice()).isEmpty();
        assertThat(jobs("T9-reboot-vm")).extracting(Job::status).containsExactly(JobStatus.STARTED);
        assertThatThrownBy(() -> vm.reboot().send())
                .hasMessageContaining("[Cannot restart VM because the VM is in Reboot In Progress status.]")
                .hasMessageContaining("409");
        List<Event> events = dc1.systemService().eventsService().list()
                .search("correlation_id=T9-reboot-vm").send().events();
        assertThat(events).filteredOn(e -> e.codeAsInteger() == 157).singleElement().satisfies(e -> {
            assertThat(e.description()).isEqualTo("User admin@internal-authz initiated reboot of VM par-jump-01.");
            assertThat(e.correlationId()).isEqualTo("T9-reboot-vm");
        });

        fixture.advance(Duration.ofSeconds(15));
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.UP);
        assertThat(jobs("T9-reboot-vm")).extracting(Job::status).containsExactly(JobStatus.FINISHED);
        fixture.advance(Duration.ofSeconds(20));
        assertThat(vm.reportedDevicesService().list().send().reportedDevice()).hasSize(1);
    }

    @Test
    void aVmThatIsNotUpCannotBeRebooted() {
        VmService golden = vms.vmService(idOf("par-win11-golden"));
        assertThat(golden.get().send().vm().status()).isEqualTo(VmStatus.DOWN);

        assertThatThrownBy(() -> golden.reboot().send())
                .hasMessageContaining("[Cannot restart VM because the VM is in Down status.]")
                .hasMessageContaining("HTTP response code is \"409\"");
    }

    @Test
    void aPowerOffIsDownAtOnceWhileAShutdownWaitsForTheGuest() {
        String off = idOf("finance-win10-1");
        String gentle = idOf("finance-win10-2");
        vms.vmService(off).stop().send();
        vms.vmService(gentle).shutdown().send();
        assertThat(status(off)).isEqualTo(VmStatus.POWERING_DOWN);

        fixture.advance(Duration.ofSeconds(1));
        assertThat(status(off)).isEqualTo(VmStatus.DOWN);
        assertThat(status(gentle)).isEqualTo(VmStatus.POWERING_DOWN);

        fixture.advance(Duration.ofSeconds(4));
        assertThat(status(gentle)).isEqualTo(VmStatus.DOWN);
    }

    @Test
    void aPowerOffDuringARebootLeavesTheVmDown() {
        String id = idOf("par-build-01");
        vms.vmService(id).reboot().send();
        vms.vmService(id).stop().send();

        fixture.advance(Duration.ofSeconds(30));
        assertThat(status(id)).isEqualTo(VmStatus.DOWN);
    }

    private static String idOf(String name) {
        return vms.list().search("name=" + name).send().vms().get(0).id();
    }

    private static VmStatus status(String id) {
        return vms.vmService(id).get().send().vm().status();
    }

    private static List<Job> jobs(String correlationId) {
        return dc1.systemService().jobsService().list().search("correlation_id=" + correlationId).send().jobs();
    }
}
