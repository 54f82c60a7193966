package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DiskEntity;
import org.ovirt.engine.sdk4.builders.VmPlacementPolicyBuilder;
import org.ovirt.engine.sdk4.types.VmAffinity;
import org.ovirt.engine.sdk4.types.VmStorageErrorResumeBehaviour;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import java.util.ArrayList;
import java.util.List;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.ConsoleBuilder;
import org.ovirt.engine.sdk4.builders.RngDeviceBuilder;
import org.ovirt.engine.sdk4.builders.VirtioScsiBuilder;
import org.ovirt.engine.sdk4.types.RngSource;
import org.ovirt.engine.sdk4.builders.CpuBuilder;
import org.ovirt.engine.sdk4.builders.CpuTopologyBuilder;
import org.ovirt.engine.sdk4.builders.DiskAttachmentBuilder;
import org.ovirt.engine.sdk4.builders.DiskBuilder;
import org.ovirt.engine.sdk4.builders.MemoryPolicyBuilder;
import org.ovirt.engine.sdk4.builders.OperatingSystemBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.TemplateVersionBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.types.DiskAttachment;
import org.ovirt.engine.sdk4.types.DiskInterface;
import org.ovirt.engine.sdk4.types.Template;
import org.ovirt.engine.sdk4.types.TemplateStatus;
import org.ovirt.engine.sdk4.types.VmType;

/**
 * Templates as the engine shows them: every version is its own template sharing the base's name,
 * with {@code version} naming its number and base. The Blank template belongs to no cluster.
 */
public final class TemplateRepresentation {

    private final Estate estate;

    public TemplateRepresentation(Estate estate) {
        this.estate = estate;
    }

    public Template template(TemplateEntity template) {
        return template(template, false);
    }

    /** @param allContent the engine's All-Content: adds the console, sound card, VirtIO-SCSI and RNG device, as for VMs */
    public Template template(TemplateEntity template, boolean allContent) {
        TemplateBuilder b = new TemplateBuilder().id(template.id).href(Hrefs.of("templates", template.id))
                .name(template.name)
                .status(TemplateStatus.fromValue(template.status))
                .os(new OperatingSystemBuilder().type(template.osType))
                .memory(template.memoryBytes)
                .memoryPolicy(new MemoryPolicyBuilder().guaranteed(template.memoryBytes).max(template.memoryBytes * 4))
                .cpu(new CpuBuilder().topology(new CpuTopologyBuilder().sockets(template.sockets)
                        .cores(template.cores).threads(1)))
                .type(VmType.fromValue(template.vmType))
                .stateless(false)
                .deleteProtected(false)
                .creationTime(Dates.of(template.creationTime))
                .description("").comment("")
                .bios(VmBaseValues.bios(template.osType))
                .cpuShares(0)
                .display(VmBaseValues.display("spice", 1))
                .highAvailability(VmBaseValues.highAvailability(false, 0))
                .placementPolicy(new VmPlacementPolicyBuilder().affinity(VmAffinity.MIGRATABLE))
                .io(VmBaseValues.IO)
                .migration(VmBaseValues.MIGRATION)
                .migrationDowntime(-1)
                .multiQueuesEnabled(true)
                .origin("ovirt")
                .sso(VmBaseValues.SSO)
                .startPaused(false)
                .storageErrorResumeBehaviour(VmStorageErrorResumeBehaviour.AUTO_RESUME)
                .timeZone(VmBaseValues.timeZone(template.osType))
                .usb(VmBaseValues.USB)
                .virtioScsiMultiQueuesEnabled(false);
        if (!template.isBlank()) {
            b.os(VmBaseValues.os(template.osType));
        }
        TemplateVersionBuilder version = new TemplateVersionBuilder().versionNumber(template.versionNumber);
        if (template.versionName != null) {
            version.versionName(template.versionName);
        }
        String baseId = template.baseTemplateId != null ? template.baseTemplateId : template.id;
        version.baseTemplate(new TemplateBuilder().id(baseId).href(Hrefs.of("templates", baseId)));
        b.version(version);
        if (template.description != null) {
            b.description(template.description);
        }
        if (template.comment != null) {
            b.comment(template.comment);
        }
        if (template.clusterId != null) {
            b.cluster(new ClusterBuilder().id(template.clusterId).href(Hrefs.of("clusters", template.clusterId)))
                    .cpuProfile(VmBaseValues.cpuProfile(template.clusterId));
            ClusterEntity cluster = estate.clusters.get(template.clusterId);
            if (cluster != null) {
                b.quota(VmBaseValues.quota(cluster.dataCenterId));
            }
        }
        if (template.sourceVmId != null && estate.vms.containsKey(template.sourceVmId)) {
            b.vm(new VmBuilder().id(template.sourceVmId).href(Hrefs.of("vms", template.sourceVmId)));
        }
        if (allContent) {
            b.console(new ConsoleBuilder().enabled(false)).soundcardEnabled(true)
                    .virtioScsi(new VirtioScsiBuilder().enabled(true))
                    .rngDevice(new RngDeviceBuilder().source(RngSource.URANDOM));
        }
        return b.build();
    }

    public List<DiskAttachment> diskAttachments(TemplateEntity template, boolean embedDisks) {
        List<DiskAttachment> attachments = new ArrayList<>();
        for (String diskId : template.diskIds) {
            DiskEntity disk = estate.disks.get(diskId);
            if (disk == null) {
                continue;
            }
            DiskBuilder diskRef = embedDisks ? VmRepresentation.diskBuilder(disk)
                    : new DiskBuilder().id(disk.id).href(Hrefs.of("disks", disk.id));
            attachments.add(new DiskAttachmentBuilder().id(disk.id)
                    .href(Hrefs.of("templates", template.id, "diskattachments", disk.id))
                    .bootable(disk.bootable).active(true)
                    .interface_(DiskInterface.fromValue(disk.diskInterface))
                    .disk(diskRef)
                    .template(new TemplateBuilder().id(template.id).href(Hrefs.of("templates", template.id)))
                    .build());
        }
        return attachments;
    }
}
