package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.DiskAttachmentBuilder;
import org.ovirt.engine.sdk4.builders.DiskBuilder;
import org.ovirt.engine.sdk4.builders.NicBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.builders.VnicProfileBuilder;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.DiskAttachment;
import org.ovirt.engine.sdk4.types.DiskFormat;
import org.ovirt.engine.sdk4.types.DiskInterface;
import org.ovirt.engine.sdk4.types.DiskStatus;
import org.ovirt.engine.sdk4.types.Nic;
import org.ovirt.engine.sdk4.types.NicInterface;
import org.ovirt.engine.sdk4.types.Template;

/** vNICs and disks of a VM written through the SDK, as the SDK's examples and Ansible's ovirt_nic/ovirt_disk do. */
class VmDevicesTest {

    private static final long GIB = 1L << 30;

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
    void nicsAreAddedUpdatedAndRemoved() {
        VmService vm = vms.vmService(idOf("par-win11-golden"));
        String profile = dc1.systemService().vnicProfilesService().list().send().profiles().get(0).id();

        Nic added = vm.nicsService().add().nic(new NicBuilder().name("nic2").interface_(NicInterface.VIRTIO)
                .vnicProfile(new VnicProfileBuilder().id(profile))).send().nic();
        assertThat(added.mac().address()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        assertThat(vm.nicsService().list().send().nics()).extracting(Nic::name).containsExactly("nic1", "nic2");
        assertThatThrownBy(() -> vm.nicsService().add().nic(new NicBuilder().name("nic2")).send())
                .hasMessageContaining("same name").hasMessageContaining("409");

        vm.nicsService().nicService(added.id()).update().nic(new NicBuilder().name("backup").linked(false)).send();
        Nic updated = vm.nicsService().nicService(added.id()).get().send().nic();
        assertThat(updated.name()).isEqualTo("backup");
        assertThat(updated.linked()).isFalse();
        assertThat(updated.mac().address()).isEqualTo(added.mac().address());

        vm.nicsService().nicService(added.id()).remove().send();
        assertThat(vm.nicsService().list().send().nics()).extracting(Nic::name).containsExactly("nic1");
    }

    @Test
    void aDiskIsCreatedOnTheDataDomainLockedThenOkAndCanBeDetachedOrRemoved() {
        VmService vm = vms.vmService(idOf("par-win11-golden"));
        DiskAttachment attachment = vm.diskAttachmentsService().add().attachment(new DiskAttachmentBuilder()
                .bootable(false).active(true).interface_(DiskInterface.VIRTIO_SCSI)
                .disk(new DiskBuilder().name("golden-data").format(DiskFormat.COW).provisionedSize(BigInteger.valueOf(10 * GIB))
                        .storageDomains(new StorageDomainBuilder().name("paris-data-01")))).send().attachment();
        String diskId = attachment.disk().id();
        assertThat(dc1.systemService().disksService().diskService(diskId).get().send().disk().status())
                .isEqualTo(DiskStatus.LOCKED);
        fixture.advance(Duration.ofSeconds(6));
        assertThat(dc1.systemService().disksService().diskService(diskId).get().send().disk().status())
                .isEqualTo(DiskStatus.OK);
        assertThat(vm.diskAttachmentsService().list().send().attachments()).extracting(DiskAttachment::id)
                .contains(diskId);

        vm.diskAttachmentsService().attachmentService(diskId).remove().detachOnly(true).send();
        assertThat(vm.diskAttachmentsService().list().send().attachments()).extracting(DiskAttachment::id)
                .doesNotContain(diskId);
        assertThat(dc1.systemService().disksService().diskService(diskId).get().send().disk().alias())
                .isEqualTo("golden-data");

        vm.diskAttachmentsService().add().attachment(new DiskAttachmentBuilder().interface_(DiskInterface.VIRTIO)
                .disk(new DiskBuilder().id(diskId))).send();
        vm.diskAttachmentsService().attachmentService(diskId).remove().send();
        assertThatThrownBy(() -> dc1.systemService().disksService().diskService(diskId).get().send())
                .hasMessageContaining("404");
    }

    @Test
    void aRunningVmsDiskIsNotRemovedAndTemplatesLinkTheirDiskAttachments() {
        VmService running = vms.vmService(idOf("par-jump-01"));
        String disk = running.diskAttachmentsService().list().send().attachments().get(0).id();
        assertThatThrownBy(() -> running.diskAttachmentsService().attachmentService(disk).remove().send())
                .hasMessageContaining("At least one of the VMs is not down").hasMessageContaining("409");

        Template template = dc1.systemService().templatesService().list().search("name=rhel9-desktop").send()
                .templates().get(0);
        List<DiskAttachment> followed = dc1.followLink(template.diskAttachments());
        assertThat(followed).isNotEmpty();
        assertThat(dc1.followLink(template.nics())).isNotEmpty();
    }

    private static String idOf(String name) {
        return vms.list().search("name=" + name).send().vms().get(0).id();
    }
}
