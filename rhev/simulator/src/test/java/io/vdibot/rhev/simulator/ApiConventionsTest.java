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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.Nic;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;

/**
 * What every engine call shares: API versions, correlation ids, jobs and events, the search
 * language with paging, follow, and 404 for unknown ids.
 */
class ApiConventionsTest {

    private static final String UNKNOWN = "6d1c1c1c-0000-4000-8000-000000000404";

    private static SimulatorFixture fixture;
    private static Connection dc1;
    private static RawApi raw;

    @BeforeAll
    static void start() {
        fixture = SimulatorFixture.start();
        dc1 = fixture.connect("dc1");
        raw = RawApi.connect(fixture, "dc1");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void version4IsServedUnderItsPathPrefixAndOtherVersionsAreRefused() {
        HttpResponse<String> v4 = raw.get("v4/vms?search=" + RawApi.encode("name=par-jump-01"));
        assertThat(v4.statusCode()).isEqualTo(200);
        assertThat(v4.body()).contains("<name>par-jump-01</name>");

        HttpResponse<String> header3 = raw.send(HttpRequest.newBuilder(raw.api("vms")).header("Version", "3")
                .header("Authorization", "Bearer " + raw.token()).GET().build());
        assertThat(header3.statusCode()).isEqualTo(400);
        assertThat(header3.body()).isEmpty();
        assertThat(raw.get("v3/vms").statusCode()).isEqualTo(400);
        assertThat(raw.get("v4/no-such-collection").statusCode()).isEqualTo(404);
    }

    @Test
    void correlationIdsAreEchoedSanitisedAndInventedWhenAbsent() {
        HttpResponse<String> dirty = raw.send(raw.request("clusters").header("Correlation-Id", "bot task#42/a b_c-d")
                .GET().build());
        assertThat(dirty.headers().firstValue("Correlation-Id")).hasValue("bottask42ab_c-d");

        String tooLong = "x".repeat(30) + "-" + "y".repeat(30);
        HttpResponse<String> longOne = raw.send(raw.request("clusters").header("Correlation-Id", tooLong).GET().build());
        assertThat(longOne.headers().firstValue("Correlation-Id")).hasValue(tooLong.substring(0, 36));

        assertThat(raw.get("clusters?correlation_id=from-query").headers().firstValue("Correlation-Id"))
                .hasValue("from-query");
        assertThat(raw.get("clusters").headers().firstValue("Correlation-Id")).get().asString()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void aJobAndItsEventsAreFoundByTheCorrelationIdOfTheCallThatStartedThem() {
        Vm vm = createAndSettle("corr-vm-01");
        dc1.systemService().vmsService().vmService(vm.id()).start().header("Correlation-Id", "start-corr-vm-01").send();

        List<Job> jobs = dc1.systemService().jobsService().list().search("correlation_id=start-corr-vm-01").send().jobs();
        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.description()).isEqualTo("Launching VM corr-vm-01");
            assertThat(job.status()).isEqualTo(JobStatus.STARTED);
        });
        String jobId = jobs.get(0).id();
        assertThat(dc1.systemService().jobsService().jobService(jobId).stepsService().list().send().steps())
                .singleElement().satisfies(step -> assertThat(step.description()).isEqualTo("Executing"));
        assertThat(dc1.systemService().eventsService().list().search("correlation_id=start-corr-vm-01").send().events())
                .extracting(Event::codeAsInteger).containsExactly(150);

        fixture.advance(Duration.ofSeconds(30));
        assertThat(dc1.systemService().jobsService().jobService(jobId).get().send().job().status())
                .isEqualTo(JobStatus.FINISHED);
        assertThat(dc1.systemService().jobsService().list().search("correlation_id=nobody-used-this").send().jobs())
                .isEmpty();
    }

    @Test
    void eventsFromAnIndexAreOnlyTheNewerOnesNewestFirstAndMaxCutsTheList() {
        Event newest = dc1.systemService().eventsService().list().max(1).send().events().get(0);
        long mark = newest.indexAsLong();
        assertThat(dc1.systemService().eventsService().list().from(mark).send().events()).isEmpty();

        createAndSettle("events-vm-01");

        List<Event> newer = dc1.systemService().eventsService().list().from(mark).send().events();
        assertThat(newer).extracting(Event::indexAsLong).allMatch(index -> index > mark)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(newer).extracting(Event::codeAsInteger).containsExactly(53, 34);
        assertThat(newer.get(1).description()).isEqualTo("VM events-vm-01 was created by admin@internal-authz.");
        assertThat(dc1.systemService().eventsService().list().from(mark).max(1).send().events())
                .extracting(Event::codeAsInteger).containsExactly(53);
        assertThat(raw.get("events?from=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void searchCombinesAndOrWildcardsSortingAndPages() {
        VmsService vms = dc1.systemService().vmsService();
        assertThat(names(vms.list().search("name=par-* and status=up").send().vms()))
                .containsExactlyInAnyOrder("par-jump-01", "par-build-01");
        assertThat(names(vms.list().search("name=par-jump-01 or name=PAR-WIN11-golden").send().vms()))
                .containsExactlyInAnyOrder("par-jump-01", "par-win11-golden");
        assertThat(names(vms.list().search("name=par-win11-golden").caseSensitive(true).send().vms())).hasSize(1);
        assertThat(names(vms.list().search("name=PAR-WIN11-golden").caseSensitive(true).send().vms())).isEmpty();
        assertThat(names(vms.list().search("name=finance-win10-* sortby name desc").send().vms()))
                .containsExactly("finance-win10-6", "finance-win10-5", "finance-win10-4", "finance-win10-3",
                        "finance-win10-2", "finance-win10-1");
        assertThat(names(vms.list().search("name=finance-win10-* sortby name desc page 2").max(2).send().vms()))
                .containsExactly("finance-win10-4", "finance-win10-3");
        assertThat(names(vms.list().search("name=finance-win10-* sortby name asc page 4").max(2).send().vms()))
                .isEmpty();
        assertThat(vms.list().search("pool=finance-win10 and status!=up").send().vms())
                .extracting(Vm::status).containsOnly(VmStatus.DOWN).hasSize(2);
        assertThat(vms.list().max(3).send().vms()).hasSize(3);
        assertThat(dc1.systemService().rolesService().list().max(2).send().roles()).hasSize(2);
        assertThat(dc1.systemService().domainsService().list().max(1).send().domains()).hasSize(1);
        assertThat(dc1.systemService().vnicProfilesService().list().max(1).send().profiles()).hasSize(1);
        assertThat(dc1.systemService().hostsService().list().search("status=maintenance").send().hosts())
                .extracting(h -> h.name()).containsExactly("par-hv-i02");
    }

    @Test
    void malformedSearchesAreRefusedWith400MarkingTheBadPart() {
        VmsService vms = dc1.systemService().vmsService();
        assertThatThrownBy(() -> vms.list().search("nmae=par-jump-01").send())
                .hasMessageContaining("HTTP response code is \"400\"")
                .hasMessageContaining("Fault detail is \"[$nmae=par-jump-01$]\"");
        assertThatThrownBy(() -> vms.list().search("name=par-jump-01 and").send())
                .hasMessageContaining("[name=par-jump-01 $and$]");
        assertThatThrownBy(() -> vms.list().search("or name=par-jump-01").send())
                .hasMessageContaining("[$or$ name=par-jump-01]");
        assertThatThrownBy(() -> vms.list().search("name=x sortby colour").send())
                .hasMessageContaining("[name=x sortby $colour$]");
        assertThatThrownBy(() -> vms.list().search("name=x page two").send())
                .hasMessageContaining("[name=x page $two$]");
    }

    @Test
    void followEmbedsNicsReportedDevicesAndDiskAttachments() {
        Vm listed = dc1.systemService().vmsService().list().search("name=par-build-01").send().vms().get(0);
        assertThat(listed.nics()).isEmpty();
        Vm vm = dc1.systemService().vmsService().vmService(listed.id()).get()
                .follow("nics,reported_devices,disk_attachments").send().vm();
        assertThat(vm.nics()).singleElement().satisfies(nic -> {
            assertThat(nic.name()).isEqualTo("nic1");
            assertThat(nic.mac().address()).startsWith("56:6f:");
        });
        assertThat(vm.reportedDevices()).singleElement()
                .satisfies(device -> assertThat(device.ips()).extracting(ip -> ip.address()).anyMatch(a -> a.startsWith("10.")));
        assertThat(vm.diskAttachments()).singleElement()
                .satisfies(attachment -> assertThat(attachment.bootable()).isTrue());
        assertThat(dc1.systemService().vmsService().list().search("name=par-build-01").follow("nics").send().vms()
                .get(0).nics()).hasSize(1);
    }

    @Test
    void textOutsideAsciiSurvivesTheRoundTripInUtf8() {
        String description = "财务部桌面 – Café 🖥";
        Vm vm = dc1.systemService().vmsService().add().vm(new VmBuilder().name("utf8-vm-01").description(description)
                .cluster(new ClusterBuilder().name("Linux-Desktops"))
                .template(new TemplateBuilder().name("rhel9-desktop"))).send().vm();
        assertThat(vm.description()).isEqualTo(description);
        assertThat(dc1.systemService().vmsService().vmService(vm.id()).get().send().vm().description())
                .isEqualTo(description);
        HttpResponse<String> raw = ApiConventionsTest.raw.get("vms/" + vm.id());
        assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
        assertThat(raw.body()).contains("<description>" + description + "</description>");
    }

    @Test
    void linksInAVmLeadToItsSubCollectionsThroughFollowLink() {
        Vm vm = dc1.systemService().vmsService().list().search("name=par-build-01").send().vms().get(0);
        assertThat(dc1.isLink(vm.nics())).isTrue();
        List<Nic> nics = dc1.followLink(vm.nics());
        assertThat(nics).singleElement().satisfies(nic -> assertThat(nic.name()).isEqualTo("nic1"));
        assertThat(dc1.followLink(vm.reportedDevices())).hasSize(1);
        assertThat(dc1.followLink(vm.diskAttachments())).hasSize(1);
        assertThat(dc1.followLink(vm.permissions())).isEmpty();

        var vmService = dc1.systemService().vmsService().vmService(vm.id());
        var nicService = vmService.nicsService().nicService(nics.get(0).id());
        assertThat(nicService.get().send().nic().mac().address()).isEqualTo(nics.get(0).mac().address());
        assertThat(nicService.reportedDevicesService().list().send().reportedDevice()).singleElement()
                .satisfies(device -> assertThat(device.mac().address()).isEqualTo(nics.get(0).mac().address()));
        String deviceId = vmService.reportedDevicesService().list().send().reportedDevice().get(0).id();
        assertThat(vmService.reportedDevicesService().reportedDeviceService(deviceId).get().send().reportedDevice()
                .name()).isEqualTo("eth0");
        String attachmentId = vmService.diskAttachmentsService().list().send().attachments().get(0).id();
        assertThat(vmService.diskAttachmentsService().attachmentService(attachmentId).get().send().attachment()
                .bootable()).isTrue();

        for (String sub : List.of("nics/", "reporteddevices/", "diskattachments/", "snapshots/",
                "nics/" + UNKNOWN + "/reporteddevices")) {
            String path = "vms/" + vm.id() + "/" + sub + (sub.endsWith("/") ? UNKNOWN : "");
            assertThat(raw.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vms/%s", "vms/%s/nics", "vms/%s/reporteddevices", "vms/%s/diskattachments",
        "vms/%s/permissions", "vms/%s/snapshots", "datacenters/%s", "datacenters/%s/permissions", "clusters/%s", "clusters/%s/permissions",
        "hosts/%s", "networks/%s", "vnicprofiles/%s", "disks/%s", "domains/%s", "domains/%s/users",
        "domains/%s/groups", "users/%s", "users/%s/permissions", "groups/%s", "groups/%s/permissions", "roles/%s",
        "jobs/%s", "jobs/%s/steps", "events/%s"})
    void unknownIdsAre404WithAFaultBody(String pattern) {
        HttpResponse<String> response = raw.get(String.format(pattern, UNKNOWN));
        assertThat(response.statusCode()).as(pattern).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/xml");
        assertThat(response.body()).contains("<fault>");
    }

    @Test
    void anUnknownVmIs404ThroughTheSdkToo() {
        assertThatThrownBy(() -> dc1.systemService().vmsService().vmService(UNKNOWN).get().send())
                .hasMessageContaining("HTTP response code is \"404\"");
        assertThatThrownBy(() -> dc1.systemService().vmsService().vmService(UNKNOWN).start().send())
                .hasMessageContaining("HTTP response code is \"404\"");
    }

    private static Vm createAndSettle(String name) {
        Vm vm = dc1.systemService().vmsService().add().vm(new VmBuilder().name(name)
                .cluster(new ClusterBuilder().name("Linux-Desktops"))
                .template(new TemplateBuilder().name("rhel9-desktop"))).send().vm();
        fixture.advance(Duration.ofSeconds(10));
        assertThat(dc1.systemService().vmsService().vmService(vm.id()).get().send().vm().status())
                .isEqualTo(VmStatus.DOWN);
        return vm;
    }

    private static List<String> names(List<Vm> vms) {
        return vms.stream().map(Vm::name).toList();
    }
}
