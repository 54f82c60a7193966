package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.CdromBuilder;
import org.ovirt.engine.sdk4.builders.EventBuilder;
import org.ovirt.engine.sdk4.builders.FileBuilder;
import org.ovirt.engine.sdk4.builders.JobBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.Cdrom;
import org.ovirt.engine.sdk4.types.DataCenter;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Ip;
import org.ovirt.engine.sdk4.types.IpVersion;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.LogSeverity;
import org.ovirt.engine.sdk4.types.Network;
import org.ovirt.engine.sdk4.types.Template;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;

/**
 * The calls provisioning tools written by others make (Ansible's ovirt.ovirt modules over the Python
 * SDK, the Java SDK's examples) that this product's own paths do not: they must answer as an engine.
 */
class ProvisioningToolCallsTest {

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
    void numaNodesAreAnEmptyListAndTheCdromIsTheEnginesFixedDevice() {
        VmService vm = vms.vmService(idOf("par-jump-01"));
        assertThat(vm.numaNodesService().list().send().nodes()).isEmpty();

        List<Cdrom> cdroms = vm.cdromsService().list().send().cdroms();
        assertThat(cdroms).singleElement().satisfies(cdrom -> {
            assertThat(cdrom.id()).isEqualTo("00000000-0000-0000-0000-000000000000");
            assertThat(cdrom.filePresent()).isFalse();
        });
        vm.cdromsService().cdromService(cdroms.get(0).id()).update()
                .cdrom(new CdromBuilder().file(new FileBuilder().id("virtio-win.iso"))).send();
        assertThat(vm.cdromsService().cdromService(cdroms.get(0).id()).get().send().cdrom().file().id())
                .isEqualTo("virtio-win.iso");
        assertThatThrownBy(() -> vm.cdromsService().cdromService("nope").get().send()).hasMessageContaining("404");
    }

    @Test
    void suspendSavesTheStateAndAStartRestoresItAndRunOnceIsReportedTruthfully() {
        String id = idOf("par-jump-01");
        VmService vm = vms.vmService(id);
        assertThat(vm.get().send().vm().runOnce()).isFalse();

        vm.suspend().send();
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.SAVING_STATE);
        fixture.advance(Duration.ofSeconds(10));
        Vm suspended = vm.get().send().vm();
        assertThat(suspended.status()).isEqualTo(VmStatus.SUSPENDED);
        assertThat(suspended.hostPresent()).isFalse();
        assertThatThrownBy(() -> vm.suspend().send())
                .hasMessageContaining("[Cannot hibernate VM because the VM is in Suspended status.]")
                .hasMessageContaining("409");

        vm.start().send();
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.RESTORING_STATE);
        fixture.advance(Duration.ofSeconds(8));
        assertThat(vm.get().send().vm().status()).isEqualTo(VmStatus.UP);
        assertThat(vm.get().send().vm().runOnce()).isFalse();

        vm.stop().send();
        fixture.advance(Duration.ofSeconds(1));
        // a start that carries a VM of its own is RunVmOnce
        vm.start().vm(new VmBuilder().stateless(true)).send();
        assertThat(vm.get().send().vm().runOnce()).isTrue();
        vm.stop().send();
        fixture.advance(Duration.ofSeconds(1));
        assertThat(vm.get().send().vm().runOnce()).isFalse();
    }

    @Test
    void linkedObjectSearchesSpaceJoinedConditionsAndNetworksByDataCenter() {
        List<Template> templates = dc1.systemService().templatesService().list().search("vm.name=par-jump-01").send()
                .templates();
        assertThat(templates).extracting(Template::name).containsExactly("rhel8-server");
        List<DataCenter> dataCenters = dc1.systemService().dataCentersService().list()
                .search("Clusters.name=Win-Desktops").send().dataCenters();
        assertThat(dataCenters).extracting(DataCenter::name).containsExactly("Paris-DC");
        assertThat(dc1.systemService().dataCentersService().list().search("Clusters.name=nowhere").send()
                .dataCenters()).isEmpty();
        // the engine ANDs conditions joined by a plain space
        List<Vm> both = vms.list().search("name=par-* cluster=Infra").send().vms();
        assertThat(both).extracting(Vm::name).containsExactly("par-jump-01");
        assertThat(vms.list().search("name=par-jump-01 cluster=Win-Desktops").send().vms()).isEmpty();
        List<Network> networks = dc1.systemService().networksService().list().search("datacenter=Paris-DC").send()
                .networks();
        assertThat(networks).isNotEmpty();
        assertThat(dc1.systemService().networksService().list().search("datacenter=elsewhere").send().networks())
                .isEmpty();
    }

    @Test
    void aMethodNotServedIs405WithAnAllowHeader() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        HttpResponse<String> answer = raw.send(raw.request("jobs").DELETE().build());
        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(answer.body()).contains("<fault>");
        HttpResponse<String> put = raw.send(raw.request("events").PUT(HttpRequest.BodyPublishers.ofString("<event/>"))
                .header("Content-Type", "application/xml").build());
        assertThat(put.statusCode()).isEqualTo(405);
    }

    /** What the README's "left out" table promises. */
    @Test
    void whatIsLeftOutAnswersAsTheReadmeSays() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        String vm = idOf("par-jump-01");
        HttpResponse<String> addHost = raw.post("hosts", "<host><name>h</name></host>");
        assertThat(addHost.statusCode()).isEqualTo(405);
        assertThat(addHost.headers().firstValue("Allow")).hasValue("GET");
        assertThat(raw.get("tags").statusCode()).isEqualTo(404);
        assertThat(raw.post("vms/" + vm + "/migrate", "<action/>").statusCode()).isEqualTo(404);
        HttpResponse<String> tags = raw.get("vms/" + vm + "/tags");
        assertThat(tags.statusCode()).isEqualTo(200);
        assertThat(tags.body()).contains("<tags/>");
        assertThat(raw.post("vms/" + vm + "/tags", "<tag><name>t</name></tag>").statusCode()).isEqualTo(405);
        assertThat(raw.get("vms/" + vm + "?all_content=true").body()).contains("<console>");

        // the SDK examples the README lists as left out
        for (String writeOnlyRead : List.of("disks", "networks", "vms/" + vm + "/graphicsconsoles",
                "clusters/" + idOfCluster() + "/networks")) {
            HttpResponse<String> refused = raw.post(writeOnlyRead, "<x/>");
            assertThat(refused.statusCode()).as(writeOnlyRead).isEqualTo(405);
            assertThat(refused.headers().firstValue("Allow")).as(writeOnlyRead).hasValue("GET");
        }
        for (String absent : List.of("macpools", "instancetypes", "affinitylabels", "vms/" + vm + "/backups",
                "imagetransfers", "users/" + idOfAlice() + "/sshpublickeys", "vms/" + vm + "/graphicsconsoles/x/ticket")) {
            assertThat(raw.get(absent).statusCode()).as(absent).isEqualTo(404);
        }
        assertThat(raw.get("vms/" + vm + "/graphicsconsoles").body()).contains("<graphics_consoles/>");
        assertThat(raw.post("vms/" + vm + "/diskattachments", "<disk_attachment><disk><name>lun</name>"
                + "<lun_storage><type>iscsi</type></lun_storage></disk><interface>virtio</interface>"
                + "</disk_attachment>").statusCode()).isEqualTo(400);
        HttpResponse<String> newDataDomain = raw.post("storagedomains", "<storage_domain><name>mydata</name>"
                + "<type>data</type><host><name>par-hv-w01</name></host><storage><type>nfs</type>"
                + "<address>server0.example.com</address><path>/nfs/mydata</path></storage></storage_domain>");
        assertThat(newDataDomain.statusCode()).isEqualTo(400);
        assertThat(newDataDomain.body()).contains("Problem while trying to mount target");
    }

    private static String idOfCluster() {
        return dc1.systemService().clustersService().list().search("name=Infra").send().clusters().get(0).id();
    }

    private static String idOfAlice() {
        return dc1.systemService().usersService().list().search("name=alice").send().users().get(0).id();
    }

    @Test
    void allContentAddsTheExpensiveAttributesToVmsAndTemplatesAlike() {
        var templates = dc1.systemService().templatesService();
        Template plain = templates.list().search("name=rhel9-desktop").send().templates().get(0);
        assertThat(plain.consolePresent()).isFalse();
        assertThat(plain.virtioScsiPresent()).isFalse();

        // the 4.4.5 Java SDK has no allContent() on templates; the Python SDK (Ansible) sends the header
        Template listed = templates.list().search("name=rhel9-desktop").header("All-Content", "true").send()
                .templates().get(0);
        Template one = templates.templateService(plain.id()).get().header("All-Content", "true").send().template();
        for (Template full : List.of(listed, one)) {
            assertThat(full.console().enabled()).isFalse();
            assertThat(full.soundcardEnabled()).isTrue();
            assertThat(full.virtioScsi().enabled()).isTrue();
            assertThat(full.rngDevice()).isNotNull();
        }
        Vm vm = vms.list().search("name=par-jump-01").allContent(true).send().vms().get(0);
        assertThat(vm.console()).isNotNull();
        assertThat(vm.virtioScsi().enabled()).isTrue();
        assertThat(vms.list().search("name=par-jump-01").send().vms().get(0).consolePresent()).isFalse();
    }

    @Test
    void externalJobsAndCustomEventsAreRecordedAndARemovalHasItsJob() {
        Job job = dc1.systemService().jobsService().add().job(new JobBuilder().description("Ansible: patch desktops"))
                .send().job();
        assertThat(job.status()).isEqualTo(JobStatus.STARTED);
        assertThat(job.external()).isTrue();
        dc1.systemService().jobsService().jobService(job.id()).end().succeeded(true).send();
        assertThat(dc1.systemService().jobsService().jobService(job.id()).get().send().job().status())
                .isEqualTo(JobStatus.FINISHED);

        Event event = dc1.systemService().eventsService().add().event(new EventBuilder()
                .description("Patch window opened").severity(LogSeverity.WARNING).origin("ansible").customId(4711))
                .send().event();
        assertThat(event.origin()).isEqualTo("ansible");
        assertThat(event.customIdAsInteger()).isEqualTo(4711);
        assertThat(dc1.systemService().eventsService().list().max(1).send().events()).singleElement()
                .satisfies(e -> assertThat(e.description()).isEqualTo("Patch window opened"));
        assertThatThrownBy(() -> dc1.systemService().eventsService().add().event(new EventBuilder()
                .description("no origin")).send()).hasMessageContaining("400");

        String removed = idOf("par-win11-golden");
        vms.vmService(removed).remove().header("Correlation-Id", "remove-golden").send();
        assertThat(dc1.systemService().jobsService().list().search("correlation_id=remove-golden").send().jobs())
                .singleElement().satisfies(j -> {
                    assertThat(j.description()).isEqualTo("Removing VM par-win11-golden from system");
                    assertThat(j.status()).isEqualTo(JobStatus.FINISHED);
                });
    }

    @Test
    void guestAddressesAreInCanonicalForm() {
        List<Ip> ips = vms.vmService(idOf("par-build-01")).reportedDevicesService().list().send().reportedDevice()
                .get(0).ips();
        Ip v6 = ips.stream().filter(ip -> ip.version() == IpVersion.V6).findFirst().orElseThrow();
        assertThat(v6.address()).startsWith("fe80::").matches("fe80::([1-9a-f][0-9a-f]{0,3}|0)(:([1-9a-f][0-9a-f]{0,3}|0)){3}");
    }

    private static String idOf(String name) {
        return vms.list().search("name=" + name).send().vms().get(0).id();
    }
}
