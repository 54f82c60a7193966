package io.vdibot.rhev.simulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.SnapshotBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.types.Vm;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Walks everything the simulator serves over plain HTTP, collections and every item in them, and
 * checks each document against the oVirt API model: what the SDK reads from us is what it would read
 * from a real engine. Faults and action answers are checked too.
 */
class ConformanceCrawlTest {

    /** Top-level collections: path, collection element, item element. */
    private static final List<String[]> COLLECTIONS = List.of(
            new String[] {"datacenters", "data_centers", "data_center"},
            new String[] {"clusters", "clusters", "cluster"},
            new String[] {"hosts", "hosts", "host"},
            new String[] {"networks", "networks", "network"},
            new String[] {"vnicprofiles", "vnic_profiles", "vnic_profile"},
            new String[] {"domains", "domains", "domain"},
            new String[] {"users", "users", "user"},
            new String[] {"groups", "groups", "group"},
            new String[] {"roles", "roles", "role"},
            new String[] {"vms", "vms", "vm"},
            new String[] {"disks", "disks", "disk"},
            new String[] {"jobs", "jobs", "job"},
            new String[] {"events", "events", "event"},
            new String[] {"templates", "templates", "template"},
            new String[] {"vmpools", "vm_pools", "vm_pool"},
            new String[] {"storagedomains", "storage_domains", "storage_domain"});

    private static SimulatorFixture fixture;
    private static final Map<String, Integer> CHECKED = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        fixture = SimulatorFixture.start();
        Connection dc1 = fixture.connect("dc1");
        // some history: a VM being created, one starting, jobs with steps and events
        Vm created = dc1.systemService().vmsService().add().vm(new VmBuilder().name("crawl-01")
                .cluster(new ClusterBuilder().name("Linux-Desktops"))
                .template(new TemplateBuilder().name("rhel9-desktop"))).send().vm();
        Vm golden = dc1.systemService().vmsService().list().search("name=par-win11-golden").send().vms().get(0);
        dc1.systemService().vmsService().vmService(golden.id()).start().send();
        Vm jump = dc1.systemService().vmsService().list().search("name=par-jump-01").send().vms().get(0);
        dc1.systemService().vmsService().vmService(jump.id()).snapshotsService().add()
                .snapshot(new SnapshotBuilder().description("crawl snapshot")).send();
        fixture.advance(Duration.ofSeconds(2));
        assertThat(created.id()).isNotNull();
    }

    @AfterAll
    static void stop() {
        fixture.close();
        System.out.println("conformance crawl checked " + CHECKED);
    }

    @Test
    void everyCollectionAndItemOfBothSitesConforms() {
        for (String site : List.of("dc1", "dc2")) {
            RawApi raw = RawApi.connect(fixture, site);
            check(raw, "", "api");
            for (String[] collection : COLLECTIONS) {
                for (String id : checkList(raw, collection[0], collection[1], collection[2])) {
                    check(raw, collection[0] + "/" + id, collection[2]);
                }
            }
        }
        assertThat(CHECKED.keySet()).contains("vm", "vms", "template", "vm_pool", "storage_domain", "event", "job");
    }

    @Test
    void everySubCollectionConforms() {
        for (String site : List.of("dc1", "dc2")) {
            RawApi raw = RawApi.connect(fixture, site);
            for (String vm : ids(raw, "vms")) {
                for (String nic : checkList(raw, "vms/" + vm + "/nics", "nics", "nic")) {
                    check(raw, "vms/" + vm + "/nics/" + nic, "nic");
                    checkList(raw, "vms/" + vm + "/nics/" + nic + "/reporteddevices", "reported_devices",
                            "reported_device");
                }
                for (String device : checkList(raw, "vms/" + vm + "/reporteddevices", "reported_devices",
                        "reported_device")) {
                    check(raw, "vms/" + vm + "/reporteddevices/" + device, "reported_device");
                }
                for (String attachment : checkList(raw, "vms/" + vm + "/diskattachments", "disk_attachments",
                        "disk_attachment")) {
                    check(raw, "vms/" + vm + "/diskattachments/" + attachment, "disk_attachment");
                }
                for (String snapshot : checkList(raw, "vms/" + vm + "/snapshots", "snapshots", "snapshot")) {
                    check(raw, "vms/" + vm + "/snapshots/" + snapshot, "snapshot");
                }
                permissions(raw, "vms/" + vm);
            }
            for (String job : ids(raw, "jobs")) {
                checkList(raw, "jobs/" + job + "/steps", "steps", "step");
            }
            for (String dc : ids(raw, "datacenters")) {
                for (String domain : checkList(raw, "datacenters/" + dc + "/storagedomains", "storage_domains",
                        "storage_domain")) {
                    check(raw, "datacenters/" + dc + "/storagedomains/" + domain, "storage_domain");
                }
                permissions(raw, "datacenters/" + dc);
            }
            for (String domain : ids(raw, "storagedomains")) {
                permissions(raw, "storagedomains/" + domain);
                HttpResponse<String> templates = raw.get("storagedomains/" + domain + "/templates");
                if (templates.statusCode() == 200) {
                    assertConforms("storagedomains/" + domain + "/templates", templates.body(), "templates");
                }
            }
            for (String template : ids(raw, "templates")) {
                checkList(raw, "templates/" + template + "/diskattachments", "disk_attachments", "disk_attachment");
                permissions(raw, "templates/" + template);
            }
            for (String pool : ids(raw, "vmpools")) {
                permissions(raw, "vmpools/" + pool);
            }
            for (String cluster : ids(raw, "clusters")) {
                permissions(raw, "clusters/" + cluster);
            }
            for (String user : ids(raw, "users")) {
                checkList(raw, "users/" + user + "/permissions", "permissions", "permission");
            }
            for (String group : ids(raw, "groups")) {
                checkList(raw, "groups/" + group + "/permissions", "permissions", "permission");
            }
            for (String domain : ids(raw, "domains")) {
                checkList(raw, "domains/" + domain + "/users", "users", "user");
                checkList(raw, "domains/" + domain + "/groups", "groups", "group");
            }
            checkList(raw, "permissions", "permissions", "permission");
        }
        assertThat(CHECKED).containsKeys("nics", "reported_device", "disk_attachments", "steps", "permission",
                "snapshots", "snapshot");
    }

    @Test
    void followedLinksAreEmbeddedConformingly() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        String follow = "?follow=nics,reported_devices,disk_attachments.disk";
        check(raw, "vms" + follow, "vms");
        for (String vm : ids(raw, "vms")) {
            check(raw, "vms/" + vm + follow, "vm");
        }
        check(raw, "vms/" + ids(raw, "vms").get(0) + "/diskattachments?follow=disk", "disk_attachments");
    }

    @Test
    void faultsAndActionAnswersConform() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        HttpResponse<String> notFound = raw.get("vms/00000000-0000-4000-8000-000000000404");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertConforms("404", notFound.body(), "fault");

        HttpResponse<String> badSearch = raw.get("vms?search=" + RawApi.encode("colour=blue"));
        assertThat(badSearch.statusCode()).isEqualTo(400);
        assertConforms("400 search", badSearch.body(), "fault");

        HttpResponse<String> incomplete = raw.post("vms", "<vm><name>no-cluster</name></vm>");
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertConforms("400 incomplete", incomplete.body(), "fault");

        HttpResponse<String> unparsable = raw.post("vms", "<vm><name>x</vm>");
        assertThat(unparsable.statusCode()).isEqualTo(400);
        assertConforms("400 syntax", unparsable.body(), "fault");

        HttpResponse<String> created = raw.post("vms", "<vm><name>crawl-02</name><cluster><name>Infra</name></cluster>"
                + "<template><name>rhel8-server</name></template></vm>");
        assertThat(created.statusCode()).isEqualTo(202);
        assertConforms("202 vm", created.body(), "vm");
        String vmId = attribute(created.body(), "id");

        HttpResponse<String> locked = raw.post("vms/" + vmId + "/start", "<action/>");
        assertThat(locked.statusCode()).isEqualTo(409);
        assertConforms("409 action", locked.body(), "action");
        assertThat(locked.body()).contains("<fault>").contains("VM is locked");

        fixture.advance(Duration.ofSeconds(10));
        HttpResponse<String> started = raw.post("vms/" + vmId + "/start", "<action/>");
        assertThat(started.statusCode()).isEqualTo(200);
        assertConforms("200 start", started.body(), "action");
        assertThat(started.body()).contains("<status>complete</status>").contains("<job ");

        HttpResponse<String> twice = raw.post("vms/" + vmId + "/start", "<action/>");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertConforms("409 running", twice.body(), "action");

        fixture.advance(Duration.ofSeconds(30));
        HttpResponse<String> rebooted = raw.post("vms/" + vmId + "/reboot", "<action/>");
        assertThat(rebooted.statusCode()).isEqualTo(200);
        assertConforms("200 reboot", rebooted.body(), "action");

        HttpResponse<String> snapshot = raw.post("vms/" + vmId + "/snapshots",
                "<snapshot><description>conformance</description></snapshot>");
        assertThat(snapshot.statusCode()).isEqualTo(202);
        assertConforms("202 snapshot", snapshot.body(), "snapshot");
        String snapshotId = attribute(snapshot.body(), "id");
        HttpResponse<String> notDown = raw.post("vms/" + vmId + "/snapshots/" + snapshotId + "/restore", "<action/>");
        assertThat(notDown.statusCode()).isEqualTo(409);
        assertConforms("409 restore", notDown.body(), "action");

        HttpResponse<String> stopped = raw.post("vms/" + vmId + "/stop", "<action/>");
        assertConforms("200 stop", stopped.body(), "action");
        fixture.advance(Duration.ofSeconds(30));
        HttpResponse<String> restored = raw.post("vms/" + vmId + "/snapshots/" + snapshotId + "/restore",
                "<action/>");
        assertThat(restored.statusCode()).isEqualTo(200);
        assertConforms("200 restore", restored.body(), "action");
        fixture.advance(Duration.ofSeconds(15));
        HttpResponse<String> dropped = raw.send(raw.request("vms/" + vmId + "/snapshots/" + snapshotId).DELETE()
                .build());
        assertThat(dropped.statusCode()).isEqualTo(200);
        assertConforms("200 snapshot delete", dropped.body(), "action");
        fixture.advance(Duration.ofSeconds(30));
        HttpResponse<String> removed = raw.send(raw.request("vms/" + vmId).DELETE().build());
        assertThat(removed.statusCode()).isEqualTo(200);
        if (!removed.body().isEmpty()) {
            assertConforms("200 delete", removed.body(), "action");
        }
    }

    private static List<String> checkList(RawApi raw, String path, String collectionRoot, String itemRoot) {
        HttpResponse<String> response = raw.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertConforms(path, response.body(), collectionRoot);
        List<String> ids = idsOf(response.body());
        count(itemRoot, ids.size());
        return ids;
    }

    private static void check(RawApi raw, String path, String root) {
        HttpResponse<String> response = raw.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertConforms(path, response.body(), root);
    }

    private static void permissions(RawApi raw, String owner) {
        for (String id : checkList(raw, owner + "/permissions", "permissions", "permission")) {
            check(raw, owner + "/permissions/" + id, "permission");
        }
    }

    private static void assertConforms(String what, String xml, String root) {
        try {
            XmlConformanceChecker.assertConforms(xml, root);
        } catch (AssertionError e) {
            throw new AssertionError("GET/POST " + what + ": " + e.getMessage(), e);
        }
        count(root, 1);
    }

    private static synchronized void count(String root, int n) {
        CHECKED.merge(root, n, Integer::sum);
    }

    private static List<String> ids(RawApi raw, String collection) {
        return idsOf(raw.get(collection).body());
    }

    /** The id attributes of the root's children, i.e. of the items of a collection document. */
    private static List<String> idsOf(String xml) {
        Element root = parse(xml);
        List<String> ids = new ArrayList<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element element && element.hasAttribute("id")) {
                ids.add(element.getAttribute("id"));
            }
        }
        return ids;
    }

    private static String attribute(String xml, String name) {
        return parse(xml).getAttribute(name);
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }
}
