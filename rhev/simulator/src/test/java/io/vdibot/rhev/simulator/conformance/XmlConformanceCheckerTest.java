package io.vdibot.rhev.simulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ovirt.engine.sdk4.builders.Builders.action;
import static org.ovirt.engine.sdk4.builders.Builders.cluster;
import static org.ovirt.engine.sdk4.builders.Builders.cpu;
import static org.ovirt.engine.sdk4.builders.Builders.cpuTopology;
import static org.ovirt.engine.sdk4.builders.Builders.dataCenter;
import static org.ovirt.engine.sdk4.builders.Builders.disk;
import static org.ovirt.engine.sdk4.builders.Builders.diskAttachment;
import static org.ovirt.engine.sdk4.builders.Builders.fault;
import static org.ovirt.engine.sdk4.builders.Builders.hostStorage;
import static org.ovirt.engine.sdk4.builders.Builders.ip;
import static org.ovirt.engine.sdk4.builders.Builders.job;
import static org.ovirt.engine.sdk4.builders.Builders.mac;
import static org.ovirt.engine.sdk4.builders.Builders.network;
import static org.ovirt.engine.sdk4.builders.Builders.nic;
import static org.ovirt.engine.sdk4.builders.Builders.reportedDevice;
import static org.ovirt.engine.sdk4.builders.Builders.storageDomain;
import static org.ovirt.engine.sdk4.builders.Builders.template;
import static org.ovirt.engine.sdk4.builders.Builders.vlan;
import static org.ovirt.engine.sdk4.builders.Builders.vm;
import static org.ovirt.engine.sdk4.builders.Builders.vmPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.ovirt.api.metamodel.runtime.xml.XmlWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlActionWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlFaultWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlNetworkWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlStorageDomainWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlVmPoolWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlVmWriter;
import org.ovirt.engine.sdk4.types.DiskInterface;
import org.ovirt.engine.sdk4.types.IpVersion;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.NicInterface;
import org.ovirt.engine.sdk4.types.ReportedDeviceType;
import org.ovirt.engine.sdk4.types.StorageDomainStatus;
import org.ovirt.engine.sdk4.types.StorageDomainType;
import org.ovirt.engine.sdk4.types.StorageType;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmPoolType;
import org.ovirt.engine.sdk4.types.VmStatus;

class XmlConformanceCheckerTest {

    private static final String VM_ID = "7a1c4d52-93b4-4a57-8d3e-5b0f7e2c9a10";

    private final XmlConformanceChecker checker = new XmlConformanceChecker();

    // ---- documents that conform ----

    @Test
    void vmWrittenByTheSdkConforms() {
        String xml = sdkVm();

        assertThat(xml).contains("<reported_devices>", "<ips>", "<disk_attachments>", "<topology>");
        assertThat(checker.check(xml, "vm")).isEmpty();
    }

    @Test
    void vmShapedLikeTheEngineWithActionsAndLinksConforms() throws IOException {
        assertThat(checker.check(resource("vm-as-engine.xml"), "vm")).isEmpty();
    }

    @Test
    void apiEntryDocumentConforms() throws IOException {
        assertThat(checker.check(resource("api-entry.xml"), "api")).isEmpty();
    }

    @Test
    void vmPoolCollectionConforms() {
        String xml = written(writer -> XmlVmPoolWriter.writeMany(List.of(
                vmPool().id("p1").href("/ovirt-engine/api/vmpools/p1").name("pool-a").size(3).prestartedVms(1)
                        .maxUserVms(1).type(VmPoolType.AUTOMATIC).stateful(false)
                        .cluster(cluster().id("c1")).template(template().id("t1")).build(),
                vmPool().id("p2").name("pool-b").size(0).type(VmPoolType.MANUAL).build()).iterator(), writer));

        assertThat(xml).contains("<vm_pools>", "<vm_pool ");
        assertThat(checker.check(xml, "vm_pools")).isEmpty();
    }

    @Test
    void networkWithAVlanWhoseIdIsAnAttributeConforms() {
        String xml = written(writer -> XmlNetworkWriter.writeOne(network().id("n1").name("vdi-desktops")
                .vlan(vlan().id(210)).mtu(1500).build(), writer));

        assertThat(xml).contains("<vlan id=\"210\">");
        assertThat(checker.check(xml, "network")).isEmpty();
    }

    @Test
    void storageDomainWithStorageAndDataCentersConforms() {
        String xml = written(writer -> XmlStorageDomainWriter.writeOne(storageDomain()
                .id("sd1").name("export-1").type(StorageDomainType.EXPORT).status(StorageDomainStatus.UNATTACHED)
                .storage(hostStorage().type(StorageType.NFS).address("nfs.example.test").path("/exports/vdi"))
                .available(1_099_511_627_776L).used(42_949_672_960L).committed(0).master(false)
                .dataCenters(dataCenter().id("dc1"), dataCenter().id("dc2"))
                .build(), writer));

        assertThat(xml).contains("<storage>", "<data_centers>");
        assertThat(checker.check(xml, "storage_domain")).isEmpty();
    }

    @Test
    void faultConforms() {
        String xml = written(writer -> XmlFaultWriter.writeOne(fault().reason("Operation Failed")
                .detail("[Cannot allocate VM from pool. There are no available VMs in the VM-Pool.]").build(), writer));

        assertThat(checker.check(xml, "fault")).isEmpty();
    }

    @Test
    void actionWithStatusAndJobConforms() {
        String xml = written(writer -> XmlActionWriter.writeOne(action().status("complete")
                .job(job().id("j1").href("/ovirt-engine/api/jobs/j1").status(JobStatus.FINISHED))
                .build(), writer));

        assertThat(xml).contains("<status>complete</status>", "<job ");
        assertThat(checker.check(xml, "action")).isEmpty();
    }

    @Test
    void actionWrappingAFaultConforms() {
        String xml = "<action><status>failed</status><fault><reason>Operation Failed</reason>"
                + "<detail>[VM is locked]</detail></fault><link href=\"/ovirt-engine/api/vms/x\" rel=\"parent\"/></action>";

        assertThat(checker.check(xml)).isEmpty();
    }

    @Test
    void creationStatusIsAllowedOnResourcesReturnedByAcceptedCreates() {
        String xml = "<vm id=\"v\"><name>desk-02</name><creation_status>pending</creation_status>"
                + "<link href=\"/ovirt-engine/api/vms/v/creation_status/abc\" rel=\"creation_status\"/></vm>";

        assertThat(checker.check(xml)).isEmpty();
    }

    @Test
    void emptyListIsFine() {
        assertThat(checker.check("<vm><reported_devices/></vm>")).isEmpty();
        assertThat(checker.check("<vms/>")).isEmpty();
    }

    @Test
    void bytesAreReadWithTheDeclaredEncoding() {
        byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><vm><name>Bürodesk</name></vm>"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(checker.check(xml, "vm")).isEmpty();
    }

    // ---- documents that do not ----

    @Test
    void unknownElementIsReportedWithItsPathAndOwner() {
        List<Violation> violations = checker.check(insertIntoVm("<colour>blue</colour>"));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.path()).isEqualTo("/vm/colour");
            assertThat(violation.element()).isEqualTo("colour");
            assertThat(violation.ownerType()).isEqualTo("Vm");
        });
    }

    @Test
    void elementOfAnotherTypeIsReported() {
        assertThat(checker.check(insertIntoVm("<size>3</size>")))
                .extracting(Violation::path, Violation::ownerType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/vm/size", "Vm"));
    }

    @Test
    void elementNestedUnderALeafIsReported() {
        assertThat(checker.check("<vm><name><first>desk</first></name></vm>"))
                .extracting(Violation::path).containsExactly("/vm/name/first");
        assertThat(checker.check("<vm><status><up/></status></vm>"))
                .extracting(Violation::path).containsExactly("/vm/status/up");
    }

    @Test
    void wrongItemInACollectionIsReported() {
        List<Violation> violations = checker.check("<vms><vm id=\"a\"/><vm_pool id=\"b\"/></vms>");

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.path()).isEqualTo("/vms/vm_pool[2]");
            assertThat(violation.ownerType()).isEqualTo("collection of Vm");
        });
    }

    @Test
    void wrongItemInANestedListIsReported() {
        assertThat(checker.check("<vm><nics><nic/><network/></nics></vm>"))
                .extracting(Violation::path).containsExactly("/vm/nics/network[2]");
    }

    @Test
    void violationsInsideNestedObjectsNameTheirPath() {
        assertThat(checker.check("<vms><vm><cpu><topology><cores>2</cores><dies>1</dies></topology></cpu></vm></vms>"))
                .extracting(Violation::path, Violation::ownerType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/vms/vm[1]/cpu/topology/dies", "CpuTopology"));
    }

    @Test
    void idWrittenAsAnElementIsReported() {
        assertThat(checker.check("<vm><id>" + VM_ID + "</id></vm>")).extracting(Violation::path).containsExactly("/vm/id");
    }

    @Test
    void attributesOutsideResourcesAreReported() {
        assertThat(checker.check("<vm id=\"v\" colour=\"blue\"><cpu id=\"c\"/></vm>"))
                .extracting(Violation::path, Violation::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/vm", "unexpected attribute colour"),
                        org.assertj.core.groups.Tuple.tuple("/vm/cpu", "unexpected attribute id"));
    }

    @Test
    void linksBelongOnlyToResources() {
        assertThat(checker.check("<vm><cpu><link href=\"/x\" rel=\"y\"/></cpu></vm>"))
                .extracting(Violation::path).containsExactly("/vm/cpu/link");
        assertThat(checker.check("<vm><actions><start/></actions></vm>"))
                .extracting(Violation::path).containsExactly("/vm/actions/start");
        assertThat(checker.check("<vm><link href=\"/x\" rel=\"y\" title=\"z\"/></vm>"))
                .extracting(Violation::problem).containsExactly("unexpected attribute title");
    }

    @Test
    void creationStatusIsNotAllowedOutsideResources() {
        assertThat(checker.check("<vm><cpu><creation_status>pending</creation_status></cpu></vm>"))
                .extracting(Violation::path).containsExactly("/vm/cpu/creation_status");
    }

    @Test
    void valuesMustFitTheirType() {
        assertThat(checker.check("<vm><status>UP</status><stateless>no</stateless><memory>4 GiB</memory>"
                + "<start_time>yesterday</start_time></vm>"))
                .extracting(Violation::path)
                .containsExactly("/vm/status", "/vm/stateless", "/vm/memory", "/vm/start_time");
    }

    @Test
    void textInsideAnObjectIsReported() {
        assertThat(checker.check("<vm><cluster>Default</cluster></vm>"))
                .extracting(Violation::path).containsExactly("/vm/cluster");
    }

    @Test
    void repeatedElementIsReported() {
        assertThat(checker.check("<vm><name>a</name><name>b</name></vm>"))
                .extracting(Violation::path).containsExactly("/vm/name");
    }

    @Test
    void rootMustBeAModelTypeOrCollectionAndTheExpectedOne() {
        assertThat(checker.check("<virtual_machine/>")).extracting(Violation::path).containsExactly("/virtual_machine");
        assertThat(checker.check("<vms/>", "vm")).extracting(Violation::problem).containsExactly("expected root <vm>");
    }

    @Test
    void malformedDocumentIsOneViolation() {
        assertThat(checker.check("<vm><name>x</vm>")).singleElement()
                .satisfies(violation -> assertThat(violation.problem()).startsWith("not well-formed XML"));
    }

    // ---- the helper for simulator tests ----

    @Test
    void assertConformsPassesQuietlyForAConformingDocument() {
        assertThatCode(() -> XmlConformanceChecker.assertConforms(sdkVm(), "vm")).doesNotThrowAnyException();
        assertThatCode(() -> XmlConformanceChecker.assertConforms(sdkVm().getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }

    @Test
    void assertConformsListsEveryViolation() {
        assertThatThrownBy(() -> XmlConformanceChecker.assertConforms("<vm><colour/><size>1</size></vm>"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 violation(s)")
                .hasMessageContaining("/vm/colour")
                .hasMessageContaining("/vm/size");
    }

    // ---- helpers ----

    /** A running desktop VM as the SDK's own writer serialises it. */
    private static String sdkVm() {
        Vm vm = vm().id(VM_ID).href("/ovirt-engine/api/vms/" + VM_ID).name("desk-01").status(VmStatus.UP)
                .cluster(cluster().id("c1").href("/ovirt-engine/api/clusters/c1"))
                .template(template().id("t1").href("/ovirt-engine/api/templates/t1"))
                .memory(4L << 30)
                .cpu(cpu().topology(cpuTopology().sockets(1).cores(2).threads(1)))
                .startTime(new Date(1_714_636_800_000L))
                .useLatestTemplateVersion(false)
                .nics(nic().id("n1").name("nic1").interface_(NicInterface.VIRTIO).mac(mac().address("56:6f:1a:2b:00:01")))
                .reportedDevices(reportedDevice().id("r1").name("eth0").type(ReportedDeviceType.NETWORK)
                        .mac(mac().address("56:6f:1a:2b:00:01"))
                        .ips(ip().address("10.10.0.21").version(IpVersion.V4),
                                ip().address("fe80::546f:1aff:fe2b:1").version(IpVersion.V6)))
                .diskAttachments(diskAttachment().id("d1").bootable(true).active(true)
                        .interface_(DiskInterface.VIRTIO_SCSI).disk(disk().id("d1")))
                .build();
        return written(writer -> XmlVmWriter.writeOne(vm, writer));
    }

    private static String insertIntoVm(String element) {
        String xml = sdkVm();
        return xml.replace("</vm>", element + "</vm>");
    }

    private static String written(Consumer<XmlWriter> writing) {
        StringWriter out = new StringWriter();
        try (XmlWriter writer = new XmlWriter(out, true)) {
            writing.accept(writer);
        }
        return out.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = XmlConformanceCheckerTest.class.getResourceAsStream("/conformance/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
