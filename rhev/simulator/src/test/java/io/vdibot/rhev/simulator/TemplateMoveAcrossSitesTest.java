package io.vdibot.rhev.simulator;

import static io.vdibot.rhev.simulator.support.EngineLookups.attached;
import static io.vdibot.rhev.simulator.support.EngineLookups.dataCenterId;
import static io.vdibot.rhev.simulator.support.EngineLookups.eventsSince;
import static io.vdibot.rhev.simulator.support.EngineLookups.jobs;
import static io.vdibot.rhev.simulator.support.EngineLookups.lastEventIndex;
import static io.vdibot.rhev.simulator.support.EngineLookups.storageDomain;
import static io.vdibot.rhev.simulator.support.EngineLookups.storageDomainId;
import static io.vdibot.rhev.simulator.support.EngineLookups.templateOn;
import static io.vdibot.rhev.simulator.support.EngineLookups.templatesOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.vdibot.rhev.simulator.conformance.XmlConformanceChecker;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.HostBuilder;
import org.ovirt.engine.sdk4.builders.HostStorageBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.services.AttachedStorageDomainService;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.LogSeverity;
import org.ovirt.engine.sdk4.types.StorageDomain;
import org.ovirt.engine.sdk4.types.StorageDomainStatus;
import org.ovirt.engine.sdk4.types.StorageDomainType;
import org.ovirt.engine.sdk4.types.StorageType;
import org.ovirt.engine.sdk4.types.Template;
import org.ovirt.engine.sdk4.types.TemplateStatus;

/**
 * Moving a template from Paris (dc1) to Singapore (dc2) through the NFS export domain both sites can
 * reach, every step through the real SDK: export, deactivate, detach, import the domain on the other
 * engine, attach it there, import the template. Only one data center can use the domain at a time.
 */
class TemplateMoveAcrossSitesTest {

    private static final String EXPORT_DOMAIN = "vdi-export";
    private static final String NFS_ADDRESS = "nfs.vdi.example";
    private static final String NFS_PATH = "/exports/vdi-export";

    private SimulatorFixture fixture;
    private Connection paris;
    private Connection singapore;
    private String parisDc;
    private String singaporeDc;
    private String exportDomain;
    private Template win11Patched;

    @BeforeEach
    void start() {
        fixture = SimulatorFixture.start();
        paris = fixture.connect("dc1");
        singapore = fixture.connect("dc2");
        parisDc = dataCenterId(paris, "Paris-DC");
        singaporeDc = dataCenterId(singapore, "Singapore-DC");
        exportDomain = storageDomainId(paris, EXPORT_DOMAIN);
        win11Patched = templateOn(paris, storageDomainId(paris, "paris-data-01"), "win11-23h2", 2);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void templateMovesFromParisToSingaporeAndTheDomainCanComeBack() {
        exportToParisDomain("move-export");

        StorageDomain imported = importDomainInto(singapore, "sg-hv-w01");
        assertThat(imported.id()).isEqualTo(exportDomain);
        assertThat(imported.name()).isEqualTo(EXPORT_DOMAIN);
        assertThat(imported.status()).isEqualTo(StorageDomainStatus.UNATTACHED);
        assertThat(templatesOn(singapore, exportDomain)).as("unattached domains show no OVFs").isEmpty();
        assertThatThrownBy(() -> attachTo(singapore, singaporeDc))
                .hasMessageContaining("The Domain is already used by another Data Center.")
                .hasMessageContaining("detach it from the Data Center it is currently attached to.")
                .hasMessageContaining("HTTP response code is \"400\"");
        assertThat(storageDomain(singapore, EXPORT_DOMAIN).status()).isEqualTo(StorageDomainStatus.UNATTACHED);

        moveOutOf(paris, parisDc, "move-deactivate");

        long singaporeEvents = lastEventIndex(singapore);
        StorageDomain attaching = attachTo(singapore, singaporeDc);
        assertThat(attaching.status()).isEqualTo(StorageDomainStatus.LOCKED);
        AttachedStorageDomainService inSingapore = attached(singapore, singaporeDc, exportDomain);
        fixture.advance(Duration.ofSeconds(10));
        assertThat(inSingapore.get().send().storageDomain().status()).isEqualTo(StorageDomainStatus.ACTIVATING);
        fixture.advance(Duration.ofSeconds(10));
        assertThat(inSingapore.get().send().storageDomain().status()).isEqualTo(StorageDomainStatus.ACTIVE);
        assertThat(eventsSince(singapore, singaporeEvents)).extracting(Event::codeAsInteger).contains(962, 966);
        assertThat(storageDomain(singapore, EXPORT_DOMAIN).statusPresent()).as("attached: no top-level status")
                .isFalse();

        List<Template> onDomain = templatesOn(singapore, exportDomain);
        assertThat(onDomain).extracting(Template::id).containsExactly(win11Patched.id());
        assertThat(onDomain.get(0).name()).isEqualTo("win11-23h2");
        assertThat(onDomain.get(0).version().versionNumberAsInteger()).isEqualTo(2);

        assertThatThrownBy(() -> importTemplate(singapore, false, null, "sg-data-01"))
                .hasMessageContaining("Cannot import Template Version, Base Template for this Version is missing")
                .hasMessageContaining("400");

        singaporeEvents = lastEventIndex(singapore);
        singapore.systemService().storageDomainsService().storageDomainService(exportDomain).templatesService()
                .templateService(win11Patched.id()).import_()
                .storageDomain(new StorageDomainBuilder().name("sg-data-01"))
                .cluster(new ClusterBuilder().name("Win-Desktops"))
                .clone_(true).template(new TemplateBuilder().name("win11-23h2-sg"))
                .header("Correlation-Id", "move-import").send();
        String singaporeData = storageDomainId(singapore, "sg-data-01");
        Template arriving = templateOn(singapore, singaporeData, "win11-23h2-sg", 1);
        assertThat(arriving.id()).isNotEqualTo(win11Patched.id());
        assertThat(arriving.status()).isEqualTo(TemplateStatus.LOCKED);
        assertThat(jobs(singapore, "move-import")).singleElement().satisfies(job -> {
            assertThat(job.status()).isEqualTo(JobStatus.STARTED);
            assertThat(job.description()).isEqualTo("Importing VM Template win11-23h2-sg to Data Center Singapore-DC");
        });
        assertThatThrownBy(() -> attached(singapore, singaporeDc, exportDomain).deactivate().send())
                .hasMessageContaining("Cannot deactivate Storage while there are running tasks on this Storage.")
                .hasMessageContaining("ImportVmTemplate").hasMessageContaining("409");

        fixture.advance(Duration.ofSeconds(120));
        assertThat(templateOn(singapore, singaporeData, "win11-23h2-sg", 1).status()).isEqualTo(TemplateStatus.OK);
        assertThat(jobs(singapore, "move-import")).extracting(Job::status).containsExactly(JobStatus.FINISHED);
        assertThat(eventsSince(singapore, singaporeEvents)).filteredOn(e -> "move-import".equals(e.correlationId()))
                .extracting(Event::codeAsInteger, Event::description)
                .containsExactly(
                        tuple(1158, "Template win11-23h2-sg was imported successfully to "
                                + "Data Center Singapore-DC, Cluster Win-Desktops"),
                        tuple(1163, "Starting to import Template win11-23h2-sg to "
                                + "Data Center Singapore-DC, Cluster Win-Desktops"));
        assertThatThrownBy(() -> importTemplate(singapore, true, "win11-23h2-sg", "sg-data-01"))
                .hasMessageContaining("Import Template failed - Template Name already exists in the system.")
                .hasMessageContaining("409");

        moveOutOf(singapore, singaporeDc, "back-deactivate");
        attachTo(paris, parisDc);
        fixture.advance(Duration.ofSeconds(20));
        assertThat(attached(paris, parisDc, exportDomain).get().send().storageDomain().status())
                .isEqualTo(StorageDomainStatus.ACTIVE);
        assertThat(templatesOn(paris, exportDomain)).extracting(Template::id).containsExactly(win11Patched.id());
    }

    @Test
    void exportRunsAsAJobWhileTheTemplateDisksAreLockedAndRefusesARunningDuplicate() {
        long parisEvents = lastEventIndex(paris);
        paris.systemService().templatesService().templateService(win11Patched.id()).export()
                .storageDomain(new StorageDomainBuilder().id(exportDomain)).exclusive(true)
                .header("Correlation-Id", "export-job").send();

        assertThat(jobs(paris, "export-job")).singleElement().satisfies(job -> {
            assertThat(job.status()).isEqualTo(JobStatus.STARTED);
            assertThat(job.description()).isEqualTo("Exporting VM Template win11-23h2 To Export Domain vdi-export");
        });
        assertThat(paris.systemService().disksService().list().search("status=locked").send().disks())
                .hasSize(1);
        assertThatThrownBy(() -> paris.systemService().templatesService().templateService(win11Patched.id()).export()
                .storageDomain(new StorageDomainBuilder().name(EXPORT_DOMAIN)).send())
                .hasMessageContaining("Cannot export Template. Template win11-23h2 is being exported.")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> attached(paris, parisDc, exportDomain).deactivate().send())
                .hasMessageContaining("Cannot deactivate Storage while there are running tasks on this Storage.")
                .hasMessageContaining("ExportVmTemplate");
        assertThat(templatesOn(paris, exportDomain)).isEmpty();

        fixture.advance(Duration.ofSeconds(120));
        assertThat(jobs(paris, "export-job")).extracting(Job::status).containsExactly(JobStatus.FINISHED);
        assertThat(paris.systemService().disksService().list().search("status=locked").send().disks()).isEmpty();
        assertThat(templatesOn(paris, exportDomain)).extracting(Template::id).containsExactly(win11Patched.id());
        assertThat(eventsSince(paris, parisEvents)).filteredOn(e -> "export-job".equals(e.correlationId()))
                .extracting(Event::codeAsInteger, Event::description)
                .containsExactly(
                        tuple(1156,
                                "Template win11-23h2 was exported successfully to vdi-export"),
                        tuple(1164, "Starting to export Template win11-23h2 to vdi-export"));
        assertThat(paris.systemService().eventsService().list().search("correlation_id=export-job").send().events())
                .hasSize(2);

        assertThatThrownBy(() -> paris.systemService().templatesService().templateService(win11Patched.id()).export()
                .storageDomain(new StorageDomainBuilder().id(exportDomain)).send())
                .hasMessageContaining("Cannot export Template. The Template name is already in use, please choose a "
                        + "unique name and try again.")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> importTemplate(paris, false, null, "paris-data-01"))
                .hasMessageContaining("Cannot import Template. Template or VM with the same ID already exists in the "
                        + "system. Please remove the Template or VM (win11-23h2) from the system first")
                .hasMessageContaining("409");
    }

    @Test
    void anExportThatFailsStoresNothingAndFailsItsJob() {
        FaultPlan.Settings failing = new FaultPlan.Settings();
        failing.failExport = true;
        fixture.simulator().site("dc1").faults().apply(failing);
        long parisEvents = lastEventIndex(paris);

        paris.systemService().templatesService().templateService(win11Patched.id()).export()
                .storageDomain(new StorageDomainBuilder().id(exportDomain))
                // SDK 4.4.5 sends no query parameters with actions, only headers.
                .header("Correlation-Id", "doomed").send();
        fixture.advance(Duration.ofSeconds(120));

        assertThat(jobs(paris, "doomed")).extracting(Job::status).containsExactly(JobStatus.FAILED);
        assertThat(eventsSince(paris, parisEvents)).filteredOn(e -> e.codeAsInteger() == 1157).singleElement()
                .satisfies(event -> {
                    assertThat(event.severity()).isEqualTo(LogSeverity.ERROR);
                    assertThat(event.correlationId()).isEqualTo("doomed");
                    assertThat(event.description()).isEqualTo("Failed to export Template win11-23h2 to vdi-export");
                });
        assertThat(templatesOn(paris, exportDomain)).isEmpty();
        assertThat(paris.systemService().disksService().list().search("status=locked").send().disks()).isEmpty();
    }

    @Test
    void anExportWithAsyncFalseAnswersOnlyWhenItsJobHasEnded() throws Exception {
        RawApi raw = RawApi.connect(fixture, "dc1");
        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> raw.post(
                "templates/" + win11Patched.id() + "/export?correlation_id=blocking",
                "<action><storage_domain id=\"" + exportDomain + "\"/><async>false</async></action>"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (jobs(paris, "blocking").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jobs(paris, "blocking")).as("export started").hasSize(1);
        assertThat(answer).as("still waiting for the copy").isNotDone();

        fixture.advance(Duration.ofSeconds(120));
        HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<status>complete</status>")
                .contains("<job href=\"/ovirt-engine/api/jobs/" + jobs(paris, "blocking").get(0).id());
    }

    @Test
    void withoutAnAsyncFlagTheExportAnswersAcceptedWithItsJob() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        HttpResponse<String> response = raw.post("templates/" + win11Patched.id() + "/export",
                "<action><storage_domain><name>" + EXPORT_DOMAIN + "</name></storage_domain></action>");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("<status>pending</status>").contains("<async>true</async>")
                .contains("<job href=\"/ovirt-engine/api/jobs/");
        XmlConformanceChecker.assertConforms(response.body(), "action");

        HttpResponse<String> missingDomain = raw.post("templates/" + win11Patched.id() + "/export",
                "<action><exclusive>true</exclusive></action>");
        assertThat(missingDomain.statusCode()).isEqualTo(400);
        assertThat(missingDomain.body()).contains("<reason>Input validation failed.</reason>")
                .contains("Parameters 'storage_domain.id' or 'storage_domain.name' are mandatory but both were not "
                        + "provided.");
    }

    private void exportToParisDomain(String correlationId) {
        paris.systemService().templatesService().templateService(win11Patched.id()).export()
                .storageDomain(new StorageDomainBuilder().id(exportDomain)).exclusive(true)
                .header("Correlation-Id", correlationId).send();
        fixture.advance(Duration.ofSeconds(120));
        assertThat(jobs(paris, correlationId)).extracting(Job::status).containsExactly(JobStatus.FINISHED);
    }

    private StorageDomain importDomainInto(Connection site, String hostName) {
        return site.systemService().storageDomainsService().add().storageDomain(new StorageDomainBuilder()
                .type(StorageDomainType.EXPORT)
                .storage(new HostStorageBuilder().type(StorageType.NFS).address(NFS_ADDRESS).path(NFS_PATH))
                .host(new HostBuilder().name(hostName))).send().storageDomain();
    }

    private StorageDomain attachTo(Connection site, String dataCenterId) {
        return site.systemService().dataCentersService().dataCenterService(dataCenterId).storageDomainsService()
                .add().storageDomain(new StorageDomainBuilder().id(exportDomain)).send().storageDomain();
    }

    /** Deactivate (locked, preparing for maintenance, maintenance) and detach (detaching, gone). */
    private void moveOutOf(Connection site, String dataCenterId, String correlationId) {
        AttachedStorageDomainService domain = attached(site, dataCenterId, exportDomain);
        domain.deactivate().header("Correlation-Id", correlationId).send();
        assertThat(domain.get().send().storageDomain().status()).isEqualTo(StorageDomainStatus.LOCKED);
        fixture.advance(Duration.ofSeconds(3));
        assertThat(domain.get().send().storageDomain().status())
                .isEqualTo(StorageDomainStatus.PREPARING_FOR_MAINTENANCE);
        assertThat(jobs(site, correlationId)).extracting(Job::status).containsExactly(JobStatus.FINISHED);
        fixture.advance(Duration.ofSeconds(12));
        assertThat(domain.get().send().storageDomain().status()).isEqualTo(StorageDomainStatus.MAINTENANCE);

        domain.remove().send();
        assertThat(domain.get().send().storageDomain().status()).isEqualTo(StorageDomainStatus.DETACHING);
        fixture.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> domain.get().send()).hasMessageContaining("404");
        assertThat(storageDomain(site, EXPORT_DOMAIN).status()).isEqualTo(StorageDomainStatus.UNATTACHED);
    }

    private void importTemplate(Connection site, boolean clone, String newName, String dataDomain) {
        var request = site.systemService().storageDomainsService().storageDomainService(exportDomain)
                .templatesService().templateService(win11Patched.id()).import_()
                .storageDomain(new StorageDomainBuilder().name(dataDomain))
                .cluster(new ClusterBuilder().name("Win-Desktops")).clone_(clone);
        if (newName != null) {
            request.template(new TemplateBuilder().name(newName));
        }
        request.send();
    }
}
