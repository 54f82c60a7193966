package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.NicEntity;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.simulator.model.VmSettings;
import org.ovirt.engine.sdk4.builders.ConsoleBuilder;
import org.ovirt.engine.sdk4.builders.RngDeviceBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainLeaseBuilder;
import org.ovirt.engine.sdk4.builders.VirtioScsiBuilder;
import org.ovirt.engine.sdk4.builders.VmPlacementPolicyBuilder;
import org.ovirt.engine.sdk4.types.Architecture;
import org.ovirt.engine.sdk4.types.NumaTuneMode;
import org.ovirt.engine.sdk4.types.RngSource;
import org.ovirt.engine.sdk4.types.VmAffinity;
import org.ovirt.engine.sdk4.types.VmStorageErrorResumeBehaviour;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.CpuBuilder;
import org.ovirt.engine.sdk4.builders.CpuTopologyBuilder;
import org.ovirt.engine.sdk4.builders.DiskAttachmentBuilder;
import org.ovirt.engine.sdk4.builders.DiskBuilder;
import org.ovirt.engine.sdk4.builders.HostBuilder;
import org.ovirt.engine.sdk4.builders.InitializationBuilder;
import org.ovirt.engine.sdk4.builders.IpBuilder;
import org.ovirt.engine.sdk4.builders.MacBuilder;
import org.ovirt.engine.sdk4.builders.MemoryPolicyBuilder;
import org.ovirt.engine.sdk4.builders.NicBuilder;
import org.ovirt.engine.sdk4.builders.OperatingSystemBuilder;
import org.ovirt.engine.sdk4.builders.ReportedDeviceBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.builders.VmPoolBuilder;
import org.ovirt.engine.sdk4.builders.VnicProfileBuilder;
import org.ovirt.engine.sdk4.builders.DiskProfileBuilder;
import org.ovirt.engine.sdk4.types.DiskAttachment;
import org.ovirt.engine.sdk4.types.DiskBackup;
import org.ovirt.engine.sdk4.types.DiskContentType;
import org.ovirt.engine.sdk4.types.DiskStorageType;
import org.ovirt.engine.sdk4.types.QcowVersion;
import org.ovirt.engine.sdk4.types.DiskFormat;
import org.ovirt.engine.sdk4.types.DiskInterface;
import org.ovirt.engine.sdk4.types.DiskStatus;
import org.ovirt.engine.sdk4.types.IpVersion;
import org.ovirt.engine.sdk4.types.Nic;
import org.ovirt.engine.sdk4.types.NicInterface;
import org.ovirt.engine.sdk4.types.ReportedDevice;
import org.ovirt.engine.sdk4.types.ReportedDeviceType;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;
import org.ovirt.engine.sdk4.types.VmType;

/** VMs and their sub-collections in the engine's representation. */
public final class VmRepresentation {

    private final Estate estate;

    public VmRepresentation(Estate estate) {
        this.estate = estate;
    }

    /** The compact form, as collection listings carry it. */
    public Vm vm(VmEntity vm, Follow follow) {
        return vm(vm, follow, false, false, false);
    }

    /**
     * @param full       everything a real engine shows for one VM; without it the compact form the
     *                   simulator lists collections with (see the README: listing 10,000 VMs must stay cheap)
     * @param allContent the engine's All-Content: adds the console, sound card, VirtIO-SCSI and RNG device
     * @param nextRun    {@code next_run=true}: the configuration a running VM takes on at its next run
     */
    public Vm vm(VmEntity vm, Follow follow, boolean full, boolean allContent, boolean nextRun) {
        VmSettings settings = nextRun && vm.nextRun != null ? vm.nextRun : vm.settings();
        VmBuilder b = new VmBuilder().id(vm.id).href(Hrefs.of("vms", vm.id)).name(vm.name)
                .status(VmStatus.fromValue(vm.status))
                .cluster(new ClusterBuilder().id(vm.clusterId).href(Hrefs.of("clusters", vm.clusterId)))
                .template(new TemplateBuilder().id(vm.templateId).href(Hrefs.of("templates", vm.templateId)))
                .originalTemplate(new TemplateBuilder().id(vm.templateId).href(Hrefs.of("templates", vm.templateId)))
                .memory(settings.memoryBytes)
                .memoryPolicy(new MemoryPolicyBuilder().guaranteed(settings.memoryBytes).max(settings.memoryBytes * 4))
                .cpu(new CpuBuilder().topology(new CpuTopologyBuilder()
                        .sockets(settings.sockets).cores(settings.cores).threads(1)))
                .type(VmType.fromValue(vm.vmType))
                .stateless(vm.stateless)
                .useLatestTemplateVersion(vm.useLatestTemplateVersion)
                .deleteProtected(false)
                .runOnce(vm.runOnce)
                .nextRunConfigurationExists(vm.nextRun != null)
                .hasIllegalImages(vm.diskIds.stream().map(estate.disks::get)
                        .anyMatch(disk -> disk != null && "illegal".equals(disk.status)))
                .creationTime(Dates.of(vm.creationTime));
        if (full || allContent) {
            addFullContent(b, vm, settings);
        } else {
            b.os(new OperatingSystemBuilder().type(vm.osType));
        }
        if (allContent) {
            b.console(new ConsoleBuilder().enabled(settings.consoleEnabled)).soundcardEnabled(true)
                    .virtioScsi(new VirtioScsiBuilder().enabled(true))
                    .rngDevice(new RngDeviceBuilder().source(RngSource.URANDOM));
        }
        if (vm.description != null) {
            b.description(vm.description);
        }
        if (vm.comment != null) {
            b.comment(vm.comment);
        }
        if (vm.hostId != null) {
            b.host(new HostBuilder().id(vm.hostId).href(Hrefs.of("hosts", vm.hostId)));
        }
        if (vm.poolId != null) {
            b.vmPool(new VmPoolBuilder().id(vm.poolId).href(Hrefs.of("vmpools", vm.poolId)));
        }
        if (vm.startTime != null) {
            b.startTime(Dates.of(vm.startTime));
        }
        if (vm.stopTime != null) {
            b.stopTime(Dates.of(vm.stopTime));
        }
        if (vm.fqdn != null) {
            b.fqdn(vm.fqdn);
        }
        if (follow.has("nics")) {
            b.nics(nics(vm));
        }
        if (follow.has("reported_devices")) {
            b.reportedDevices(reportedDevices(vm));
        }
        if (follow.has("disk_attachments")) {
            b.diskAttachments(diskAttachments(vm, follow.below("disk_attachments").has("disk")));
        }
        if (follow.has("permissions")) {
            // What /vms/{id}/permissions lists: grants on this VM itself, not those inherited from a pool or group.
            b.permissions(estate.permissions.values().stream()
                    .filter(p -> "vm".equals(p.objectType) && vm.id.equals(p.objectId))
                    .map(InventoryRepresentation::permission).toList());
        }
        return b.build();
    }

    private void addFullContent(VmBuilder b, VmEntity vm, VmSettings settings) {
        b.description("").comment("")
                .memoryPolicy(new MemoryPolicyBuilder().guaranteed(settings.memoryBytes).max(settings.memoryBytes * 4)
                        .ballooning(true))
                .cpu(new CpuBuilder().architecture(Architecture.X86_64).topology(new CpuTopologyBuilder()
                        .sockets(settings.sockets).cores(settings.cores).threads(1)))
                .cpuShares(0)
                .os(VmBaseValues.os(vm.osType))
                .bios(VmBaseValues.bios(vm.osType))
                .display(VmBaseValues.display(settings.displayType, settings.monitors))
                .highAvailability(VmBaseValues.highAvailability(settings.highAvailability, settings.haPriority))
                .placementPolicy(placement(settings))
                .io(VmBaseValues.IO)
                .migration(VmBaseValues.MIGRATION)
                .migrationDowntime(-1)
                .multiQueuesEnabled(true)
                .origin("ovirt")
                .sso(VmBaseValues.SSO)
                .startPaused(false)
                .storageErrorResumeBehaviour(settings.highAvailability
                        ? VmStorageErrorResumeBehaviour.KILL : VmStorageErrorResumeBehaviour.AUTO_RESUME)
                .timeZone(VmBaseValues.timeZone(vm.osType))
                .usb(VmBaseValues.USB)
                .virtioScsiMultiQueuesEnabled(false)
                .numaTuneMode(NumaTuneMode.INTERLEAVE)
                .cpuProfile(VmBaseValues.cpuProfile(vm.clusterId))
                .initialization(initialization(vm));
        ClusterEntity cluster = estate.clusters.get(vm.clusterId);
        if (cluster != null) {
            b.quota(VmBaseValues.quota(cluster.dataCenterId));
        }
        if (settings.leaseStorageDomainId != null) {
            b.lease(new StorageDomainLeaseBuilder().storageDomain(new StorageDomainBuilder()
                    .id(settings.leaseStorageDomainId).href(Hrefs.of("storagedomains", settings.leaseStorageDomainId))));
        }
        if (!vm.reportedIps.isEmpty()) {
            b.guestOperatingSystem(GuestValues.operatingSystem(vm.osType)).guestTimeZone(GuestValues.timeZone(vm.osType));
        }
    }

    /** The guest's host name always; the stored first-boot script when there is one. */
    private static InitializationBuilder initialization(VmEntity vm) {
        InitializationBuilder b = new InitializationBuilder().hostName(vm.name.toLowerCase(Locale.ROOT))
                .regenerateSshKeys(false);
        if (vm.customScript != null) {
            b.customScript(vm.customScript);
        }
        return b;
    }

    private static VmPlacementPolicyBuilder placement(VmSettings settings) {
        VmPlacementPolicyBuilder b = new VmPlacementPolicyBuilder().affinity(VmAffinity.fromValue(settings.placementAffinity));
        if (!settings.placementHostIds.isEmpty()) {
            b.hosts(settings.placementHostIds.stream()
                    .map(id -> new HostBuilder().id(id).href(Hrefs.of("hosts", id)).build()).toList());
        }
        return b;
    }

    public List<Nic> nics(VmEntity vm) {
        List<Nic> nics = new ArrayList<>();
        for (NicEntity nic : vm.nics) {
            NicBuilder b = new NicBuilder().id(nic.id).href(Hrefs.of("vms", vm.id, "nics", nic.id)).name(nic.name)
                    .mac(new MacBuilder().address(nic.mac))
                    .interface_(NicInterface.fromValue(nic.interfaceType))
                    .linked(nic.linked).plugged(nic.plugged)
                    .vm(new VmBuilder().id(vm.id).href(Hrefs.of("vms", vm.id)));
            if (nic.vnicProfileId != null) {
                b.vnicProfile(new VnicProfileBuilder().id(nic.vnicProfileId)
                        .href(Hrefs.of("vnicprofiles", nic.vnicProfileId)));
            }
            nics.add(b.build());
        }
        return nics;
    }

    /**
     * What the guest agent reported: one device per vNIC, once the agent runs. The engine drops
     * loopback and tunnel interfaces, so they never appear here.
     */
    public List<ReportedDevice> reportedDevices(VmEntity vm) {
        List<ReportedDevice> devices = new ArrayList<>();
        if (vm.reportedIps.isEmpty() || vm.nics.isEmpty()) {
            return devices;
        }
        NicEntity nic = vm.nics.get(0);
        String id = vm.id.substring(0, 24) + nic.mac.replace(":", "");
        devices.add(new ReportedDeviceBuilder().id(id).href(Hrefs.of("vms", vm.id, "reporteddevices", id))
                .name("eth0").description("guest reported data").type(ReportedDeviceType.NETWORK)
                .mac(new MacBuilder().address(nic.mac))
                .ips(new IpBuilder().address(vm.reportedIps.get(0)).version(IpVersion.V4),
                        new IpBuilder().address(linkLocal(nic.mac)).version(IpVersion.V6))
                .vm(new VmBuilder().id(vm.id).href(Hrefs.of("vms", vm.id)))
                .build());
        return devices;
    }

    public List<DiskAttachment> diskAttachments(VmEntity vm, boolean embedDisks) {
        List<DiskAttachment> attachments = new ArrayList<>();
        for (String diskId : vm.diskIds) {
            DiskEntity disk = estate.disks.get(diskId);
            DiskBuilder diskRef = embedDisks ? diskBuilder(disk) : new DiskBuilder().id(disk.id);
            diskRef.href(Hrefs.of("disks", disk.id));
            attachments.add(new DiskAttachmentBuilder().id(disk.id)
                    .href(Hrefs.of("vms", vm.id, "diskattachments", disk.id))
                    .bootable(disk.bootable).active(true)
                    .interface_(DiskInterface.fromValue(disk.diskInterface))
                    .disk(diskRef)
                    .vm(new VmBuilder().id(vm.id).href(Hrefs.of("vms", vm.id)))
                    .build());
        }
        return attachments;
    }

    public static DiskBuilder diskBuilder(DiskEntity disk) {
        boolean cow = "cow".equals(disk.format);
        DiskBuilder b = new DiskBuilder().id(disk.id).href(Hrefs.of("disks", disk.id)).name(disk.alias).alias(disk.alias)
                .description("").comment("")
                .provisionedSize(BigInteger.valueOf(disk.provisionedSize))
                .actualSize(BigInteger.valueOf(disk.actualSize))
                .totalSize(BigInteger.valueOf(disk.actualSize))
                .format(DiskFormat.fromValue(disk.format)).sparse(disk.sparse)
                .status(DiskStatus.fromValue(disk.status))
                .contentType(DiskContentType.DATA)
                .storageType(DiskStorageType.IMAGE)
                .backup(DiskBackup.NONE)
                .imageId(VmBaseValues.derivedId("image", disk.id))
                .propagateErrors(false).shareable(false).wipeAfterDelete(false)
                .diskProfile(new DiskProfileBuilder().id(VmBaseValues.derivedId("disk-profile", disk.storageDomainId))
                        .href(Hrefs.of("diskprofiles", VmBaseValues.derivedId("disk-profile", disk.storageDomainId))))
                .storageDomains(new StorageDomainBuilder().id(disk.storageDomainId)
                        .href(Hrefs.of("storagedomains", disk.storageDomainId)));
        if (cow) {
            b.qcowVersion(QcowVersion.QCOW2_V3);
        }
        return b;
    }

    /** RFC 5952 text: lower-case hex without leading zeros, the first longest run of two or more zero groups as "::". */
    static String canonicalIpv6(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /**
     * The EUI-64 link-local address a guest derives from its MAC, in the canonical text form of
     * RFC 5952 that guest agents report (lower case, no leading zeros in a group).
     */
    static String linkLocal(String mac) {
        String[] b = mac.split(":");
        int[] octets = new int[6];
        for (int i = 0; i < 6; i++) {
            octets[i] = Integer.parseInt(b[i], 16);
        }
        octets[0] ^= 0x02;
        int[] groups = {0xfe80, 0, 0, 0, octets[0] << 8 | octets[1], octets[2] << 8 | 0xff,
                0xfe << 8 | octets[3], octets[4] << 8 | octets[5]};
        return canonicalIpv6(groups);
    }
}
