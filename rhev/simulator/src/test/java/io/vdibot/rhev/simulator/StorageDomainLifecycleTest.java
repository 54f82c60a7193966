package io.vdibot.rhev.simulator;

import static io.vdibot.rhev.simulator.support.EngineLookups.attached;
import static io.vdibot.rhev.simulator.support.EngineLookups.dataCenterId;
import static io.vdibot.rhev.simulator.support.EngineLookups.eventsSince;
import static io.vdibot.rhev.simulator.support.EngineLookups.jobs;
import static io.vdibot.rhev.simulator.support.EngineLookups.lastEventIndex;
import static io.vdibot.rhev.simulator.support.EngineLookups.storageDomain;
import static io.vdibot.rhev.simulator.support.EngineLookups.storageDomainId;
import static io.vdibot.rhev.simulator.support.EngineLookups.templateOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.vdibot.rhev.simulator.conformance.XmlConformanceChecker;
import io.vdibot.rhev.simulator.engine.StorageOperations;
import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.HostBuilder;
import org.ovirt.engine.sdk4.builders.HostStorageBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.services.AttachedStorageDomainService;
import org.ovirt.engine.sdk4.services.StorageDomainsService;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.StorageDomain;
import org.ovirt.engine.sdk4.types.StorageDomainStatus;
import org.ovirt.engine.sdk4.types.StorageDomainType;
import org.ovirt.engine.sdk4.types.StorageFormat;
import org.ovirt.engine.sdk4.types.StorageType;

/**
 * Storage domains in and out of a data center: the two views of a domain, the status machine of
 * deactivate, activate, detach, attach, import and remove, and the engine's refusals with their texts
 * and HTTP codes, through the SDK and, where the wire format matters, as raw XML.
 */
class StorageDomainLifecycleTest {

    private SimulatorFixture fixture;
    private Connection paris;
    private String parisDc;
    private String exportDomain;
    private AttachedStorageDomainService exportInParis;

    @BeforeEach
    void start() {
        fixture = SimulatorFixture.start();
        paris = fixture.connect("dc1");
        parisDc = dataCenterId(paris, "Paris-DC");
        exportDomain = storageDomainId(paris, "vdi-export");
        exportInParis = attached(paris, parisDc, exportDomain);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theEngineWideViewNamesOnlyUnattachedWhileTheDataCenterViewCarriesTheStatus() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        HttpResponse<String> all = raw.get("storagedomains");
        assertThat(all.statusCode()).isEqualTo(200);
        XmlConformanceChecker.assertConforms(all.body(), "storage_domains");
        assertThat(all.body()).doesNotContain("<status>").contains("<storage_format>v1</storage_format>")
                .contains("<storage_format>v5</storage_format>");

        HttpResponse<String> inDc = raw.get("datacenters/" + parisDc + "/storagedomains");
        XmlConformanceChecker.assertConforms(inDc.body(), "storage_domains");
        HttpResponse<String> one = raw.get("datacenters/" + parisDc + "/storagedomains/" + exportDomain);
        XmlConformanceChecker.assertConforms(one.body(), "storage_domain");
        assertThat(one.body()).contains("<status>active</status>").contains("<type>export</type>")
                .contains("<data_center href=\"/ovirt-engine/api/datacenters/" + parisDc + "\" id=\"" + parisDc + "\"")
                .contains("<address>nfs.vdi.example</address>").contains("<path>/exports/vdi-export</path>");

        StorageDomain data = storageDomain(paris, "paris-data-01");
        assertThat(data.statusPresent()).isFalse();
        assertThat(data.master()).isTrue();
        assertThat(data.storageFormat()).isEqualTo(StorageFormat.V5);
        assertThat(data.committedAsLong()).as("the template and VM disks on it").isPositive();
        assertThat(data.storage().type()).isEqualTo(StorageType.NFS);
        assertThat(data.dataCenters()).extracting(dc -> dc.id()).containsExactly(parisDc);

        Connection singapore = fixture.connect("dc2");
        StorageDomain imported = importExportDomain(singapore, "sg-hv-w01");
        HttpResponse<String> unattached = RawApi.connect(fixture, "dc2").get("storagedomains/" + imported.id());
        XmlConformanceChecker.assertConforms(unattached.body(), "storage_domain");
        assertThat(unattached.body()).contains("<status>unattached</status>").doesNotContain("<data_centers>");
        assertThat(RawApi.connect(fixture, "dc2").get("datacenters/" + dataCenterId(singapore, "Singapore-DC")
                + "/storagedomains/" + imported.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void searchFindsDomainsByTypeStatusNameAndDataCenter() {
        StorageDomainsService domains = paris.systemService().storageDomainsService();
        assertThat(domains.list().search("type=export").send().storageDomains()).extracting(StorageDomain::name)
                .containsExactly("vdi-export");
        assertThat(domains.list().search("datacenter=Paris-DC").send().storageDomains()).hasSize(3);
        assertThat(domains.list().search("status=active").send().storageDomains()).hasSize(3);
        assertThat(domains.list().search("name=paris*").send().storageDomains()).extracting(StorageDomain::name)
                .containsExactlyInAnyOrder("paris-data-01", "paris-data-02");
        assertThat(domains.list().search("status=unattached").send().storageDomains()).isEmpty();
    }

    @Test
    void operationsThatDoNotFitTheStatusAreRefusedWithIt() {
        assertThatThrownBy(() -> exportInParis.activate().send())
                .hasMessageContaining("[Cannot activate Storage. The relevant Storage Domain's status is Active.]")
                .hasMessageContaining("HTTP response code is \"409\"");
        assertThatThrownBy(() -> exportInParis.remove().send())
                .hasMessageContaining("[Cannot detach Storage. The relevant Storage Domain's status is Active.]")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> paris.systemService().dataCentersService().dataCenterService(parisDc)
                .storageDomainsService().add().storageDomain(new StorageDomainBuilder().name("vdi-export")).send())
                .hasMessageContaining("Cannot attach more than one Import/Export Storage Domain to the same Data "
                        + "Center. If you want to use a newly created Domain, detach the existing attached Domain "
                        + "and attach the new one.")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> paris.systemService().storageDomainsService().storageDomainService(exportDomain)
                .remove().host("par-hv-w01").send())
                .hasMessageContaining("Cannot remove Storage. The relevant Storage Domain is inaccessible.")
                .hasMessageContaining("409");

        Connection singapore = fixture.connect("dc2");
        String singaporeDc = dataCenterId(singapore, "Singapore-DC");
        assertThatThrownBy(() -> attached(singapore, singaporeDc, exportDomain).deactivate().send())
                .hasMessageContaining("[Cannot deactivate Storage. Storage Domain doesn't exist.]")
                .hasMessageContaining("400");
    }

    @Test
    void deactivationPassesThroughLockedAndPreparingAndCanBeCancelledByActivating() {
        long events = lastEventIndex(paris);
        exportInParis.deactivate().header("Correlation-Id", "sd-off").send();
        assertThat(exportInParis.get().send().storageDomain().status()).isEqualTo(StorageDomainStatus.LOCKED);
        assertThatThrownBy(() -> exportInParis.deactivate().send())
                .hasMessageContaining("[Cannot deactivate Storage. Related operation is currently in progress. "
                        + "Please try again later.]")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> exportInParis.remove().send())
                .hasMessageContaining("Cannot detach Storage. Related operation is currently in progress.");
        assertThat(jobs(paris, "sd-off")).singleElement().satisfies(job -> {
            assertThat(job.status()).isEqualTo(JobStatus.STARTED);
            assertThat(job.description()).isEqualTo("Deactivating Storage Domain vdi-export in Data Center Paris-DC");
        });

        fixture.advance(Duration.ofSeconds(3));
        assertThat(exportInParis.get().send().storageDomain().status())
                .isEqualTo(StorageDomainStatus.PREPARING_FOR_MAINTENANCE);
        assertThat(jobs(paris, "sd-off")).extracting(Job::status).containsExactly(JobStatus.FINISHED);
        assertThat(eventsSince(paris, events)).filteredOn(e -> "sd-off".equals(e.correlationId()))
                .extracting(Event::codeAsInteger, Event::description)
                .containsExactly(tuple(968, "Storage Domain vdi-export (Data Center "
                        + "Paris-DC) was deactivated and has moved to 'Preparing for maintenance' until it will no "
                        + "longer be accessed by any Host of the Data Center."));

        exportInParis.activate().header("Correlation-Id", "sd-on").send();
        assertThat(exportInParis.get().send().storageDomain().status()).isEqualTo(StorageDomainStatus.ACTIVATING);
        fixture.advance(Duration.ofSeconds(10));
        assertThat(exportInParis.get().send().storageDomain().status()).isEqualTo(StorageDomainStatus.ACTIVE);
        fixture.advance(Duration.ofSeconds(30));
        assertThat(exportInParis.get().send().storageDomain().status()).as("maintenance was called off")
                .isEqualTo(StorageDomainStatus.ACTIVE);
        assertThat(paris.systemService().eventsService().list().search("correlation_id=sd-on").send().events())
                .extracting(Event::codeAsInteger, Event::description)
                .containsExactly(tuple(966, "Storage Domain vdi-export (Data Center "
                        + "Paris-DC) was activated by admin@internal-authz"));

        exportInParis.deactivate().send();
        fixture.advance(Duration.ofSeconds(15));
        assertThat(exportInParis.get().send().storageDomain().status()).isEqualTo(StorageDomainStatus.MAINTENANCE);
        assertThatThrownBy(() -> exportInParis.deactivate().send())
                .hasMessageContaining("[Cannot deactivate Storage. The relevant Storage Domain's status is Maintenance.]");
        assertThat(eventsSince(paris, events)).extracting(Event::codeAsInteger).contains(1029);
        exportInParis.activate().send();
        fixture.advance(Duration.ofSeconds(10));
        assertThat(exportInParis.get().send().storageDomain().status()).isEqualTo(StorageDomainStatus.ACTIVE);
    }

    @Test
    void aDetachedDomainLeavesTheDataCenterAndCanBeRemovedWithoutLosingItsMetadata() {
        exportInParis.deactivate().send();
        fixture.advance(Duration.ofSeconds(15));
        exportInParis.remove().header("Correlation-Id", "sd-detach").send();
        assertThat(exportInParis.get().send().storageDomain().status()).isEqualTo(StorageDomainStatus.DETACHING);
        assertThatThrownBy(() -> exportInParis.activate().send())
                .hasMessageContaining("Cannot activate Storage. Related operation is currently in progress.");
        assertThatThrownBy(() -> exportInParis.remove().send())
                .hasMessageContaining("Cannot detach Storage. Related operation is currently in progress.");
        assertThat(fixture.simulator().sharedStorage().at("nfs.vdi.example", "/exports/vdi-export"))
                .map(m -> m.ownerPoolId).contains(parisDc);

        fixture.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> exportInParis.get().send()).hasMessageContaining("404");
        assertThatThrownBy(() -> exportInParis.remove().send()).hasMessageContaining("404");
        assertThat(jobs(paris, "sd-detach")).singleElement().satisfies(job -> {
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.description()).isEqualTo("Detaching Storage Domain vdi-export from Data Center Paris-DC");
        });
        assertThat(storageDomain(paris, "vdi-export").status()).isEqualTo(StorageDomainStatus.UNATTACHED);
        assertThat(fixture.simulator().sharedStorage().at("nfs.vdi.example", "/exports/vdi-export"))
                .map(m -> m.ownerPoolId).isEmpty();

        var removal = paris.systemService().storageDomainsService().storageDomainService(exportDomain);
        assertThatThrownBy(() -> removal.remove().send())
                .hasMessageContaining("Fault reason is \"host parameter is missing\"").hasMessageContaining("400");
        assertThatThrownBy(() -> removal.remove().host("par-hv-i02").send())
                .hasMessageContaining("[Cannot remove Storage. Host par-hv-i02 is not up.]").hasMessageContaining("409");
        assertThatThrownBy(() -> removal.remove().host("no-such-host").send())
                .hasMessageContaining("Entity not found: no-such-host").hasMessageContaining("404");
        long events = lastEventIndex(paris);
        removal.remove().host("par-hv-w01").send();
        assertThatThrownBy(() -> removal.get().send()).hasMessageContaining("404");
        assertThat(eventsSince(paris, events)).extracting(Event::codeAsInteger, Event::description)
                .contains(tuple(960,
                        "Storage Domain vdi-export was removed by admin@internal-authz"));
        assertThat(fixture.simulator().sharedStorage().at("nfs.vdi.example", "/exports/vdi-export"))
                .as("removed without format: the metadata stays on the NFS server").isPresent();

        StorageDomain again = importExportDomain(paris, "par-hv-w02");
        assertThat(again.id()).isEqualTo(exportDomain);
        assertThat(again.name()).isEqualTo("vdi-export");
        assertThat(eventsSince(paris, events)).extracting(Event::codeAsInteger, Event::description)
                .contains(tuple(956,
                        "Storage Domain vdi-export was added by admin@internal-authz"));
    }

    @Test
    void importingADomainNeedsAnUpHostAndAnExportDomainAtAPathThisEngineDoesNotUseYet() {
        Connection singapore = fixture.connect("dc2");
        StorageDomainsService domains = singapore.systemService().storageDomainsService();
        assertThatThrownBy(() -> domains.add().storageDomain(new StorageDomainBuilder().type(StorageDomainType.EXPORT)
                .storage(nfs("/exports/vdi-export"))).send())
                .hasMessageContaining("Fault reason is \"Incomplete parameters\"")
                .hasMessageContaining("StorageDomain [host.id|name] required for add").hasMessageContaining("400");
        assertThatThrownBy(() -> domains.add().storageDomain(exportAt("/exports/vdi-export", "nope")).send())
                .hasMessageContaining("Entity not found: Hosts: name=nope").hasMessageContaining("404");
        assertThatThrownBy(() -> domains.add().storageDomain(exportAt("/exports/nothing-here", "sg-hv-w01")).send())
                .hasMessageContaining("[Problem while trying to mount target]").hasMessageContaining("400");

        importExportDomain(singapore, "sg-hv-w01");
        String connection = StorageOperations.connectionId(
                fixture.simulator().site("dc2").engine().estate().storageDomains.get(exportDomain));
        assertThatThrownBy(() -> importExportDomain(singapore, "sg-hv-w02"))
                .hasMessageContaining("[Cannot add Storage Connection. Storage connection " + connection
                        + " already exists for vdi-export.]")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> importExportDomain(paris, "par-hv-i02"))
                .hasMessageContaining("[Cannot add storage server connection when Host status is not up]")
                .hasMessageContaining("409");
    }

    @Test
    void exportIsRefusedUnlessTheTargetIsAnActiveExportDomain() {
        String template = templateOn(paris, storageDomainId(paris, "paris-data-01"), "win10-22h2", 1).id();
        var export = paris.systemService().templatesService().templateService(template);
        assertThatThrownBy(() -> export.export().storageDomain(new StorageDomainBuilder().name("paris-data-01")).send())
                .hasMessageContaining("[Cannot export Template. The specified domain 'paris-data-01' is not an "
                        + "export domain.]")
                .hasMessageContaining("400");
        assertThatThrownBy(() -> export.export()
                .storageDomain(new StorageDomainBuilder().id("0b0b0b0b-0000-0000-0000-000000000000")).send())
                .hasMessageContaining("[Cannot export Template. Storage Domain doesn't exist.]")
                .hasMessageContaining("400");

        exportInParis.deactivate().send();
        fixture.advance(Duration.ofSeconds(3));
        assertThatThrownBy(() -> export.export().storageDomain(new StorageDomainBuilder().id(exportDomain)).send())
                .hasMessageContaining("[Cannot export Template. The relevant Storage Domain's status is "
                        + "PreparingForMaintenance.]")
                .hasMessageContaining("409");
        fixture.advance(Duration.ofSeconds(12));
        assertThatThrownBy(() -> export.export().storageDomain(new StorageDomainBuilder().id(exportDomain)).send())
                .hasMessageContaining("[Cannot export Template. The relevant Storage Domain's status is Maintenance.]");
        assertThat(paris.systemService().jobsService().list().send().jobs()).extracting(Job::description)
                .noneMatch(description -> description.startsWith("Exporting"));
    }

    @Test
    void importIsRefusedWithoutADestinationOrAClusterOrFromADataDomain() {
        String dataDomain = storageDomainId(paris, "paris-data-01");
        String template = templateOn(paris, dataDomain, "win10-22h2", 1).id();
        paris.systemService().templatesService().templateService(template).export()
                .storageDomain(new StorageDomainBuilder().id(exportDomain)).send();
        fixture.advance(Duration.ofSeconds(120));
        var onExportDomain = paris.systemService().storageDomainsService().storageDomainService(exportDomain)
                .templatesService().templateService(template);
        assertThat(onExportDomain.get().send().template().name()).isEqualTo("win10-22h2");

        assertThatThrownBy(() -> onExportDomain.import_().cluster(new ClusterBuilder().name("Win-Desktops")).send())
                .hasMessageContaining("Fault reason is \"Incomplete parameters\"")
                .hasMessageContaining("Action [storageDomain.id|name] required for doImport")
                .hasMessageContaining("400");
        assertThatThrownBy(() -> onExportDomain.import_().storageDomain(new StorageDomainBuilder().id(dataDomain))
                .clone_(true).send())
                .hasMessageContaining("[Cannot import Template. The relevant Cluster doesn't exist.]")
                .hasMessageContaining("400");
        assertThatThrownBy(() -> paris.systemService().storageDomainsService().storageDomainService(dataDomain)
                .templatesService().templateService(template).import_()
                .storageDomain(new StorageDomainBuilder().id(dataDomain))
                .cluster(new ClusterBuilder().name("Win-Desktops")).send())
                .hasMessageContaining("[Cannot import Template. Storage Domain type is illegal.]")
                .hasMessageContaining("400");
        assertThatThrownBy(() -> onExportDomain.import_().storageDomain(new StorageDomainBuilder().id(exportDomain))
                .cluster(new ClusterBuilder().name("Win-Desktops")).clone_(true).send())
                .hasMessageContaining("[Cannot import Template. Storage Domain type is illegal.]");
    }

    private StorageDomain importExportDomain(Connection site, String host) {
        return site.systemService().storageDomainsService().add()
                .storageDomain(exportAt("/exports/vdi-export", host)).send().storageDomain();
    }

    private static StorageDomainBuilder exportAt(String path, String host) {
        return new StorageDomainBuilder().type(StorageDomainType.EXPORT).storage(nfs(path))
                .host(new HostBuilder().name(host));
    }

    private static HostStorageBuilder nfs(String path) {
        return new HostStorageBuilder().type(StorageType.NFS).address("nfs.vdi.example").path(path);
    }
}
