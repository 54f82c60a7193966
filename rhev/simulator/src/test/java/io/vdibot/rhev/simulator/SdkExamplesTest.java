package io.vdibot.rhev.simulator;

import static io.vdibot.rhev.simulator.support.EngineLookups.jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.CdromBuilder;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.ConsoleBuilder;
import org.ovirt.engine.sdk4.builders.CpuBuilder;
import org.ovirt.engine.sdk4.builders.DataCenterBuilder;
import org.ovirt.engine.sdk4.builders.DiskAttachmentBuilder;
import org.ovirt.engine.sdk4.builders.DiskBuilder;
import org.ovirt.engine.sdk4.builders.DomainBuilder;
import org.ovirt.engine.sdk4.builders.FileBuilder;
import org.ovirt.engine.sdk4.builders.GroupBuilder;
import org.ovirt.engine.sdk4.builders.HighAvailabilityBuilder;
import org.ovirt.engine.sdk4.builders.HostBuilder;
import org.ovirt.engine.sdk4.builders.InitializationBuilder;
import org.ovirt.engine.sdk4.builders.IpBuilder;
import org.ovirt.engine.sdk4.builders.NicBuilder;
import org.ovirt.engine.sdk4.builders.NicConfigurationBuilder;
import org.ovirt.engine.sdk4.builders.OperatingSystemBuilder;
import org.ovirt.engine.sdk4.builders.PermissionBuilder;
import org.ovirt.engine.sdk4.builders.RoleBuilder;
import org.ovirt.engine.sdk4.builders.SnapshotBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainLeaseBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.UserBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.builders.VmPlacementPolicyBuilder;
import org.ovirt.engine.sdk4.builders.VnicProfileBuilder;
import org.ovirt.engine.sdk4.services.DiskAttachmentsService;
import org.ovirt.engine.sdk4.services.SnapshotsService;
import org.ovirt.engine.sdk4.services.StorageDomainVmsService;
import org.ovirt.engine.sdk4.services.SystemService;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.Architecture;
import org.ovirt.engine.sdk4.types.BootProtocol;
import org.ovirt.engine.sdk4.types.Cdrom;
import org.ovirt.engine.sdk4.types.Cluster;
import org.ovirt.engine.sdk4.types.DataCenter;
import org.ovirt.engine.sdk4.types.Disk;
import org.ovirt.engine.sdk4.types.DiskAttachment;
import org.ovirt.engine.sdk4.types.DiskFormat;
import org.ovirt.engine.sdk4.types.DiskInterface;
import org.ovirt.engine.sdk4.types.DiskStatus;
import org.ovirt.engine.sdk4.types.Host;
import org.ovirt.engine.sdk4.types.IpVersion;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.Network;
import org.ovirt.engine.sdk4.types.Permission;
import org.ovirt.engine.sdk4.types.Role;
import org.ovirt.engine.sdk4.types.Snapshot;
import org.ovirt.engine.sdk4.types.StorageDomain;
import org.ovirt.engine.sdk4.types.StorageDomainStatus;
import org.ovirt.engine.sdk4.types.Template;
import org.ovirt.engine.sdk4.types.TemplateStatus;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmAffinity;
import org.ovirt.engine.sdk4.types.VmStatus;
import org.ovirt.engine.sdk4.types.VnicProfile;

/**
 * The call patterns of the official SDK's examples ({@code sdk4/examples} of ovirt-engine-sdk-java 4.4.5) that
 * touch what the simulator models, one test per example, named after it: the same services, builders, query
 * parameters and polling the example uses, with this estate's names. Where an example sleeps five seconds between
 * looks, the test moves the simulator's clock five seconds instead. The README's table of examples points here.
 */
class SdkExamplesTest {

    private static SimulatorFixture fixture;
    private static Connection connection;
    private static SystemService system;
    private static VmsService vmsService;

    @BeforeAll
    static void start() {
        fixture = SimulatorFixture.start();
        connection = fixture.connect("dc1");
        system = connection.systemService();
        vmsService = system.vmsService();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void addCluster() {
        system.dataCentersService().add().dataCenter(new DataCenterBuilder().name("ex-cluster-dc").local(false))
                .send();
        system.clustersService().add().cluster(new ClusterBuilder().name("mycluster").description("My cluster")
                .cpu(new CpuBuilder().architecture(Architecture.X86_64).type("Intel Icelake Server Family"))
                .dataCenter(new DataCenterBuilder().name("ex-cluster-dc"))).send();

        Cluster added = system.clustersService().list().search("name=mycluster").send().clusters().get(0);
        assertThat(added.description()).isEqualTo("My cluster");
        assertThat(added.cpu().architecture()).isEqualTo(Architecture.X86_64);
    }

    @Test
    void addDataCenterAndUpdateDataCenter() {
        system.dataCentersService().add().dataCenter(new DataCenterBuilder().name("mydc").description("My data center")
                .local(false)).send();

        DataCenter dc = system.dataCentersService().list().search("name=mydc").send().dataCenters().get(0);
        dc = system.dataCentersService().dataCenterService(dc.id()).update()
                .dataCenter(new DataCenterBuilder().description("Updated description")).send().dataCenter();
        assertThat(dc.name()).isEqualTo("mydc");
        assertThat(dc.description()).isEqualTo("Updated description");
    }

    @Test
    void addGroupAndAddSystemPermission() {
        system.groupsService().add().group(new GroupBuilder().name("Developers")
                .domain(new DomainBuilder().name("vdi.example"))).send();
        // the example grants SuperUser to a user id of its own engine; here a user of this one
        String user = system.usersService().list().search("name=alice").send().users().get(0).id();

        Permission granted = system.permissionsService().add().permission(new PermissionBuilder()
                .role(new RoleBuilder().name("SuperUser")).user(new UserBuilder().id(user))).send().permission();
        assertThat(system.groupsService().list().search("name=Developers").send().groups()).hasSize(1);
        assertThat(system.permissionsService().list().send().permissions()).extracting(Permission::id)
                .contains(granted.id());
    }

    @Test
    void addTemplate() {
        Vm vm = newDownVm("ex-template-source", "rhel9-desktop", "Linux-Desktops");
        List<DiskAttachment> attachments = connection.followLink(vm.diskAttachments()).stream()
                .map(a -> new DiskAttachmentBuilder().disk(new DiskBuilder().id(a.disk().id()).format(DiskFormat.COW))
                        .build())
                .toList();

        Template template = system.templatesService().add().template(new TemplateBuilder().name("mytemplate")
                .vm(new VmBuilder().id(vm.id()).diskAttachments(attachments))).send().template();
        Template done = poll(() -> system.templatesService().templateService(template.id()).get().send().template(),
                t -> t.status() == TemplateStatus.OK);
        assertThat(done.name()).isEqualTo("mytemplate");
    }

    @Test
    void addVmFromBlankTemplate() {
        vmsService.add().vm(new VmBuilder().name("myvm-blank").cluster(new ClusterBuilder().name("Infra"))
                .template(new TemplateBuilder().name("Blank"))).send();

        assertThat(vmsService.list().search("name=myvm-blank").send().vms()).singleElement()
                .satisfies(vm -> assertThat(vm.status()).isEqualTo(VmStatus.DOWN));
    }

    @Test
    void addIndependentVm() {
        vmsService.add().vm(new VmBuilder().name("myvm-independent").cluster(new ClusterBuilder().name("Infra"))
                .template(new TemplateBuilder().name("rhel8-server"))).clone_(true).send();

        Vm vm = poll(() -> vmsService.list().search("name=myvm-independent").send().vms().get(0),
                v -> v.status() == VmStatus.DOWN);
        assertThat(connection.followLink(vm.diskAttachments())).isNotEmpty();
    }

    @Test
    void addVmDiskAndListVmDisks() {
        Vm vm = newDownVm("ex-disk-vm", "rhel9-desktop", "Linux-Desktops");
        DiskAttachmentsService attachments = vmsService.vmService(vm.id()).diskAttachmentsService();
        DiskAttachment attachment = attachments.add().attachment(new DiskAttachmentBuilder()
                .disk(new DiskBuilder().name("mydisk").description("My disk").format(DiskFormat.COW)
                        .provisionedSize(BigInteger.valueOf(10).multiply(BigInteger.valueOf(2).pow(30)))
                        .storageDomains(new StorageDomainBuilder().name("paris-data-01")))
                .interface_(DiskInterface.VIRTIO).bootable(false).active(true)).send().attachment();
        poll(() -> system.disksService().diskService(attachment.disk().id()).get().send().disk(),
                d -> d.status() == DiskStatus.OK);

        List<DiskAttachment> listed = vmsService.vmService(vm.id()).diskAttachmentsService().list().send()
                .attachments();
        List<Disk> disks = listed.stream().map(a -> connection.followLink(a.disk())).toList();
        assertThat(disks).extracting(Disk::name).contains("mydisk");
        assertThat(disks).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DiskStatus.OK);
            assertThat(d.provisionedSize()).isPositive();
        });
    }

    @Test
    void addVmFromTemplateVersion() {
        StorageDomain storageDomain = system.storageDomainsService().list().search("name=paris-data-01").send()
                .storageDomains().get(0);
        List<Template> templates = system.templatesService().list().search("name=win11-23h2").send().templates();
        String templateId = templates.stream()
                .filter(t -> t.version().versionNumber().equals(BigInteger.valueOf(2))).findFirst().orElseThrow().id();
        List<DiskAttachment> diskAttachments = connection.followLink(
                system.templatesService().templateService(templateId).get().send().template().diskAttachments());
        Disk disk = diskAttachments.get(0).disk();

        vmsService.add().vm(new VmBuilder().name("myvm-version").cluster(new ClusterBuilder().name("Win-Desktops"))
                .template(new TemplateBuilder().id(templateId))
                .diskAttachments(new DiskAttachmentBuilder().disk(new DiskBuilder().id(disk.id())
                        .format(DiskFormat.COW).storageDomains(new StorageDomainBuilder().id(storageDomain.id())))))
                .send();
        assertThat(vmsService.list().search("name=myvm-version").send().vms().get(0).template().id())
                .isEqualTo(templateId);
    }

    @Test
    void addVmNic() {
        Vm vm = newDownVm("ex-nic-vm", "rhel9-desktop", "Linux-Desktops");
        String profileId = system.vnicProfilesService().list().send().profiles().stream()
                .filter(p -> Objects.equals(p.name(), "vdi-desktops")).map(VnicProfile::id).findFirst().orElseThrow();

        vmsService.vmService(vm.id()).nicsService().add().nic(new NicBuilder().name("mynic")
                .description("My network interface card").vnicProfile(new VnicProfileBuilder().id(profileId)))
                .header("Correlation-Id", "ex-add-nic").send();
        assertThat(vmsService.vmService(vm.id()).nicsService().list().send().nics())
                .anySatisfy(n -> assertThat(n.name()).isEqualTo("mynic"));
        assertThat(jobs(connection, "ex-add-nic")).extracting(Job::description)
                .containsExactly("Adding Interface mynic to VM ex-nic-vm");
    }

    @Test
    void addVmSnapshotListVmSnapshotsAndCloneVmFromSnapshot() {
        Vm vm = newDownVm("ex-snapshot-vm", "rhel9-desktop", "Linux-Desktops");
        vmsService.vmService(vm.id()).snapshotsService().add().snapshot(new SnapshotBuilder().description("mysnap"))
                .send();
        fixture.advance(Duration.ofSeconds(10));

        // ListVmSnapshots: every snapshot of every VM with the storage domain of each of its disks
        java.util.Map<String, String> domainNames = new java.util.HashMap<>();
        system.storageDomainsService().list().send().storageDomains().forEach(sd -> domainNames.put(sd.id(), sd.name()));
        SnapshotsService snapshots = vmsService.vmService(vm.id()).snapshotsService();
        List<String> lines = new java.util.ArrayList<>();
        for (Snapshot snapshot : snapshots.list().send().snapshots()) {
            for (Disk disk : snapshots.snapshotService(snapshot.id()).disksService().list().send().disks()) {
                if (!disk.storageDomains().isEmpty()) {
                    lines.add(snapshot.description() + ":" + disk.alias() + ":"
                            + domainNames.get(disk.storageDomains().get(0).id()));
                }
            }
        }
        assertThat(lines).containsExactlyInAnyOrder("Active VM:ex-snapshot-vm_Disk1:paris-data-02",
                "mysnap:ex-snapshot-vm_Disk1:paris-data-02");

        // CloneVmFromSnapshot
        Snapshot snap = snapshots.list().send().snapshots().stream()
                .filter(s -> Objects.equals(s.description(), "mysnap")).findFirst().orElseThrow();
        Vm clonedVm = vmsService.add().vm(new VmBuilder().name("myclonedvm")
                .snapshots(new SnapshotBuilder().id(snap.id())).cluster(new ClusterBuilder().name("Linux-Desktops")))
                .send().vm();
        poll(() -> vmsService.vmService(clonedVm.id()).get().send().vm(), v -> v.status() == VmStatus.DOWN);
    }

    @Test
    void addVmWithSysprep() {
        Vm vm = vmsService.add().vm(new VmBuilder().name("myvm-sysprep").cluster(new ClusterBuilder().name("Win-Desktops"))
                .template(new TemplateBuilder().name("win10-22h2"))).send().vm();
        VmService vmService = vmsService.vmService(vm.id());
        poll(() -> vmService.get().send().vm(), v -> v.status() == VmStatus.DOWN);

        vmService.start().useSysprep(true).vm(new VmBuilder().os(new OperatingSystemBuilder().type("windows_7x64")))
                .send();
        assertThat(vmService.get().send().vm().status()).isIn(VmStatus.WAIT_FOR_LAUNCH, VmStatus.POWERING_UP);
    }

    @Test
    void attachNfsDataStorageDomain() {
        // the estate's only unattached-able NFS domain is the shared export domain: it leaves Paris-DC first (the
        // engine attaches a domain to one data center at a time), then the example attaches it back
        StorageDomain sd = system.storageDomainsService().list().search("name=vdi-export").send().storageDomains()
                .get(0);
        DataCenter dc = system.dataCentersService().list().search("name=Paris-DC").send().dataCenters().get(0);
        var attachedSds = system.dataCentersService().dataCenterService(dc.id()).storageDomainsService();
        attachedSds.storageDomainService(sd.id()).deactivate().send();
        poll(() -> attachedSds.storageDomainService(sd.id()).get().send().storageDomain(),
                d -> d.status() == StorageDomainStatus.MAINTENANCE);
        attachedSds.storageDomainService(sd.id()).remove().send();
        poll(() -> system.storageDomainsService().storageDomainService(sd.id()).get().send().storageDomain(),
                d -> d.status() == StorageDomainStatus.UNATTACHED);

        attachedSds.add().storageDomain(new StorageDomainBuilder().id(sd.id())).send();
        poll(() -> attachedSds.storageDomainService(sd.id()).get().send().storageDomain(),
                d -> d.status() == StorageDomainStatus.ACTIVE);
    }

    @Test
    void changeVmCd() {
        Vm vm = vmsService.list().search("name=par-jump-01").send().vms().get(0);
        var cdroms = vmsService.vmService(vm.id()).cdromsService();
        Cdrom cdrom = cdroms.list().send().cdroms().get(0);

        cdroms.cdromService(cdrom.id()).update().cdrom(new CdromBuilder().file(new FileBuilder().id("my_iso_file.iso")))
                .current(false).send();
        assertThat(cdroms.cdromService(cdrom.id()).get().send().cdrom().file().id()).isEqualTo("my_iso_file.iso");
    }

    @Test
    void enableSerialConsole() {
        Vm vm = vmsService.list().search("name=par-build-01").allContent(true).send().vms().get(0);
        assertThat(vm.console().enabled()).isFalse();

        vmsService.vmService(vm.id()).update().vm(new VmBuilder().console(new ConsoleBuilder().enabled(true))).send();
        assertThat(vmsService.vmService(vm.id()).get().nextRun(true).allContent(true).send().vm().console().enabled())
                .as("a running VM takes it at its next run").isTrue();
    }

    @Test
    void exportVmThenImportVm() {
        Vm vm = newDownVm("myvm-export", "rhel9-desktop", "Linux-Desktops");
        vmsService.vmService(vm.id()).export().exclusive(true).discardSnapshots(true)
                .storageDomain(new StorageDomainBuilder().name("vdi-export")).send();
        fixture.advance(Duration.ofSeconds(120));
        vmsService.vmService(vm.id()).remove().send();

        StorageDomain exportDomain = system.storageDomainsService().list().search("name=vdi-export").send()
                .storageDomains().get(0);
        StorageDomain target = system.storageDomainsService().list().search("name=paris-data-01").send()
                .storageDomains().get(0);
        Cluster cluster = system.clustersService().list().search("name=Linux-Desktops").send().clusters().get(0);
        StorageDomainVmsService exported = system.storageDomainsService().storageDomainService(exportDomain.id())
                .vmsService();
        Vm exportedVm = exported.list().send().vm().stream().filter(v -> v.name().equals("myvm-export"))
                .findFirst().orElseThrow();
        exported.vmService(exportedVm.id()).import_().storageDomain(new StorageDomainBuilder().id(target.id()))
                .cluster(new ClusterBuilder().id(cluster.id())).vm(new VmBuilder().id(exportedVm.id())).send();
        poll(() -> vmsService.vmService(exportedVm.id()).get().send().vm(), v -> v.status() == VmStatus.DOWN);
    }

    @Test
    void followVmLinks() {
        Vm vm = vmsService.list().search("name=par-jump-01").send().vms().get(0);

        Cluster cluster = connection.followLink(vm.cluster());
        Template template = connection.followLink(vm.template());
        List<Permission> permissions = connection.followLink(vm.permissions());
        assertThat(cluster.name()).isEqualTo("Infra");
        assertThat(template.name()).isEqualTo("rhel8-server");
        assertThat(permissions).allSatisfy(p -> assertThat(p.role().id()).isNotNull());
    }

    @Test
    void listRolesHostStatisticsAndVmTags() {
        assertThat(system.rolesService().list().send().roles()).extracting(Role::name).contains("SuperUser", "UserRole");
        Host host = system.hostsService().list().search("name=par-hv-w01").send().hosts().get(0);
        assertThat(connection.followLink(host.statistics())).as("statistics are not modelled").isEmpty();
        Vm vm = vmsService.list().search("name=par-jump-01").send().vms().get(0);
        assertThat(vmsService.vmService(vm.id()).tagsService().list().send().tags()).as("tags are not modelled")
                .isEmpty();
    }

    @Test
    void listVmsSearchVmsAndAssignNetworkToClusterSearch() {
        assertThat(vmsService.list().send().vms()).extracting(Vm::name).contains("par-jump-01", "par-build-01");
        assertThat(vmsService.list().search("name=PAR-JUMP-01").caseSensitive(false).send().vms())
                .extracting(Vm::name).containsExactly("par-jump-01");
        List<Network> networks = system.networksService().list()
                .search("name=vdi-desktops and datacenter=Paris-DC").send().networks();
        assertThat(networks).singleElement().satisfies(n -> assertThat(n.name()).isEqualTo("vdi-desktops"));
        // the example's next step, attaching the network to a cluster, is not modelled
        Cluster cluster = system.clustersService().list().search("name=Infra").send().clusters().get(0);
        assertThatThrownBy(() -> system.clustersService().clusterService(cluster.id()).networksService().add()
                .network(new org.ovirt.engine.sdk4.builders.NetworkBuilder().id(networks.get(0).id()).required(true))
                .send()).hasMessageContaining("405");
    }

    @Test
    void pinVmAndSetVmLeaseStorageDomain() {
        Vm vm = newDownVm("ex-pinned-vm", "rhel9-desktop", "Linux-Desktops");
        VmService vmService = vmsService.vmService(vm.id());
        vmService.update().vm(new VmBuilder().placementPolicy(new VmPlacementPolicyBuilder()
                .hosts(new HostBuilder().name("par-hv-l01")))).send();
        StorageDomain sd = system.storageDomainsService().list().search("name=paris-data-01").send()
                .storageDomains().get(0);
        vmService.update().vm(new VmBuilder().highAvailability(new HighAvailabilityBuilder().enabled(true))
                .lease(new StorageDomainLeaseBuilder().storageDomain(new StorageDomainBuilder().id(sd.id())))).send();

        Vm read = vmService.get().send().vm();
        assertThat(read.placementPolicy().hosts()).extracting(h -> connection.followLink(h).name())
                .containsExactly("par-hv-l01");
        assertThat(read.placementPolicy().affinity()).isNotEqualTo(VmAffinity.USER_MIGRATABLE);
        assertThat(read.highAvailability().enabled()).isTrue();
        assertThat(read.lease().storageDomain().id()).isEqualTo(sd.id());
    }

    @Test
    void startVmWithCloudInitStopVmAndRemoveVm() {
        Vm vm = newDownVm("myvm-cloud-init", "rhel9-desktop", "Linux-Desktops");
        VmService vmService = vmsService.vmService(vm.id());
        vmService.start().useCloudInit(true).vm(new VmBuilder().initialization(new InitializationBuilder()
                .userName("root").rootPassword("redhat123").hostName("myvm.example.com")
                .nicConfigurations(new NicConfigurationBuilder().name("eth0").onBoot(true)
                        .bootProtocol(BootProtocol.STATIC).ip(new IpBuilder().version(IpVersion.V4)
                                .address("192.168.0.100").netmask("255.255.255.0").gateway("192.168.0.1")))
                .dnsServers("192.168.0.1 192.168.0.2 192.168.0.3").dnsSearch("example.com")
                .customScript("write_files:\n  - content: |\n      Hello, world!\n    path: /tmp/greeting.txt\n")))
                .send();
        poll(() -> vmService.get().send().vm(), v -> v.status() == VmStatus.UP);

        vmService.stop().send();
        poll(() -> vmService.get().send().vm(), v -> v.status() == VmStatus.DOWN);
        Vm found = vmsService.list().search("name=myvm-cloud-init").send().vms().get(0);
        vmsService.vmService(found.id()).remove().send();
        assertThat(vmsService.list().search("name=myvm-cloud-init").send().vms()).isEmpty();
    }

    @Test
    void startVm() {
        Vm vm = newDownVm("myvm-start", "rhel9-desktop", "Linux-Desktops");
        vmsService.vmService(vm.id()).start().send();
        poll(() -> vmsService.vmService(vm.id()).get().send().vm(), v -> v.status() == VmStatus.UP);
    }

    /** A VM of the template, down once its disks exist. */
    private static Vm newDownVm(String name, String template, String cluster) {
        Vm vm = vmsService.add().vm(new VmBuilder().name(name).cluster(new ClusterBuilder().name(cluster))
                .template(new TemplateBuilder().name(template))).send().vm();
        return poll(() -> vmsService.vmService(vm.id()).get().send().vm(), v -> v.status() == VmStatus.DOWN);
    }

    /** The examples' loop: look, and if it is not there yet, let five seconds pass. */
    private static <T> T poll(Supplier<T> look, java.util.function.Predicate<T> done) {
        for (int i = 0; i < 60; i++) {
            T seen = look.get();
            if (done.test(seen)) {
                return seen;
            }
            fixture.advance(Duration.ofSeconds(5));
        }
        throw new AssertionError("still not there after 5 modelled minutes");
    }
}
