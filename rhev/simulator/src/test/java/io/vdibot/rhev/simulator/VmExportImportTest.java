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
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.services.StorageDomainVmService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;

/** VM export to and import from the shared export domain, as the SDK's ExportVm/ImportVm examples do it. */
class VmExportImportTest {

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
    void aVmIsExportedLockedThenListedOnTheExportDomainAndImportedAsACopy() {
        Vm golden = vms.list().search("name=par-win11-golden").send().vms().get(0);
        String exportDomain = dc1.systemService().storageDomainsService().list().search("name=vdi-export").send()
                .storageDomains().get(0).id();

        vms.vmService(golden.id()).export().exclusive(true).storageDomain(new StorageDomainBuilder().name("vdi-export"))
                .header("Correlation-Id", "export-golden").send();
        assertThat(vms.vmService(golden.id()).get().send().vm().status()).isEqualTo(VmStatus.IMAGE_LOCKED);
        assertThatThrownBy(() -> vms.vmService(golden.id()).start().send()).hasMessageContaining("409");
        fixture.advance(Duration.ofSeconds(120));
        assertThat(vms.vmService(golden.id()).get().send().vm().status()).isEqualTo(VmStatus.DOWN);
        assertThat(dc1.systemService().jobsService().list().search("correlation_id=export-golden").send().jobs())
                .singleElement().satisfies(j -> assertThat(j.status()).isEqualTo(JobStatus.FINISHED));

        List<Vm> onDomain = dc1.systemService().storageDomainsService().storageDomainService(exportDomain)
                .vmsService().list().send().vm();
        assertThat(onDomain).extracting(Vm::name).containsExactly("par-win11-golden");

        StorageDomainVmService exported = dc1.systemService().storageDomainsService().storageDomainService(exportDomain)
                .vmsService().vmService(golden.id());
        assertThatThrownBy(() -> exported.import_().storageDomain(new StorageDomainBuilder().name("paris-data-01"))
                .cluster(new ClusterBuilder().name("Win-Desktops")).send())
                .hasMessageContaining("VM with the same name already exists").hasMessageContaining("409");
        exported.import_().storageDomain(new StorageDomainBuilder().name("paris-data-01"))
                .cluster(new ClusterBuilder().name("Win-Desktops")).clone_(true)
                .vm(new VmBuilder().name("golden-copy")).send();
        Vm copy = vms.list().search("name=golden-copy").send().vms().get(0);
        assertThat(copy.id()).isNotEqualTo(golden.id());
        assertThat(copy.status()).isEqualTo(VmStatus.IMAGE_LOCKED);
        fixture.advance(Duration.ofSeconds(120));
        assertThat(vms.vmService(copy.id()).get().send().vm().status()).isEqualTo(VmStatus.DOWN);
    }
}
