package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.NetworkEntity;
import io.vdibot.rhev.simulator.model.VnicProfileEntity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ovirt.engine.sdk4.builders.CertificateBuilder;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.CpuBuilder;
import org.ovirt.engine.sdk4.builders.CpuTopologyBuilder;
import org.ovirt.engine.sdk4.builders.DataCenterBuilder;
import org.ovirt.engine.sdk4.builders.HostDevicePassthroughBuilder;
import org.ovirt.engine.sdk4.builders.ErrorHandlingBuilder;
import org.ovirt.engine.sdk4.builders.FencingPolicyBuilder;
import org.ovirt.engine.sdk4.builders.HardwareInformationBuilder;
import org.ovirt.engine.sdk4.builders.HostBuilder;
import org.ovirt.engine.sdk4.builders.HostedEngineBuilder;
import org.ovirt.engine.sdk4.builders.KsmBuilder;
import org.ovirt.engine.sdk4.builders.MacPoolBuilder;
import org.ovirt.engine.sdk4.builders.MemoryOverCommitBuilder;
import org.ovirt.engine.sdk4.builders.MemoryPolicyBuilder;
import org.ovirt.engine.sdk4.builders.MigrationBandwidthBuilder;
import org.ovirt.engine.sdk4.builders.MigrationOptionsBuilder;
import org.ovirt.engine.sdk4.builders.MigrationPolicyBuilder;
import org.ovirt.engine.sdk4.builders.NetworkBuilder;
import org.ovirt.engine.sdk4.builders.NetworkFilterBuilder;
import org.ovirt.engine.sdk4.builders.OperatingSystemBuilder;
import org.ovirt.engine.sdk4.builders.PowerManagementBuilder;
import org.ovirt.engine.sdk4.builders.SchedulingPolicyBuilder;
import org.ovirt.engine.sdk4.builders.SeLinuxBuilder;
import org.ovirt.engine.sdk4.builders.SkipIfConnectivityBrokenBuilder;
import org.ovirt.engine.sdk4.builders.SkipIfSdActiveBuilder;
import org.ovirt.engine.sdk4.builders.SpmBuilder;
import org.ovirt.engine.sdk4.builders.SshBuilder;
import org.ovirt.engine.sdk4.builders.TransparentHugePagesBuilder;
import org.ovirt.engine.sdk4.builders.VersionBuilder;
import org.ovirt.engine.sdk4.builders.VlanBuilder;
import org.ovirt.engine.sdk4.builders.VmSummaryBuilder;
import org.ovirt.engine.sdk4.builders.VnicPassThroughBuilder;
import org.ovirt.engine.sdk4.builders.VnicProfileBuilder;
import org.ovirt.engine.sdk4.types.Architecture;
import org.ovirt.engine.sdk4.types.AutoNumaStatus;
import org.ovirt.engine.sdk4.types.BiosType;
import org.ovirt.engine.sdk4.types.Cluster;
import org.ovirt.engine.sdk4.types.DataCenter;
import org.ovirt.engine.sdk4.types.DataCenterStatus;
import org.ovirt.engine.sdk4.types.ExternalStatus;
import org.ovirt.engine.sdk4.types.FipsMode;
import org.ovirt.engine.sdk4.types.FirewallType;
import org.ovirt.engine.sdk4.types.Host;
import org.ovirt.engine.sdk4.types.HostProtocol;
import org.ovirt.engine.sdk4.types.HostStatus;
import org.ovirt.engine.sdk4.types.HostType;
import org.ovirt.engine.sdk4.types.InheritableBoolean;
import org.ovirt.engine.sdk4.types.KdumpStatus;
import org.ovirt.engine.sdk4.types.LogMaxMemoryUsedThresholdType;
import org.ovirt.engine.sdk4.types.MigrateOnError;
import org.ovirt.engine.sdk4.types.MigrationBandwidthAssignmentMethod;
import org.ovirt.engine.sdk4.types.Network;
import org.ovirt.engine.sdk4.types.NetworkUsage;
import org.ovirt.engine.sdk4.types.QuotaModeType;
import org.ovirt.engine.sdk4.types.RngSource;
import org.ovirt.engine.sdk4.types.SeLinuxMode;
import org.ovirt.engine.sdk4.types.SpmStatus;
import org.ovirt.engine.sdk4.types.StorageFormat;
import org.ovirt.engine.sdk4.types.SwitchType;
import org.ovirt.engine.sdk4.types.VgpuPlacement;
import org.ovirt.engine.sdk4.types.VnicPassThroughMode;
import org.ovirt.engine.sdk4.types.VnicProfile;

/**
 * Data centers, clusters, hosts, networks and vNIC profiles with everything a real engine shows for
 * them, with consistent values: a host's CPU is its cluster's CPU type, a cluster's version is its
 * data center's, every cluster of a data center shares the data center's MAC pool.
 */
final class InfrastructureRepresentation {

    /** The engine's built-in objects every estate has: Default MAC pool, scheduling policy "none", migration policy "Minimal downtime". */
    static final String DEFAULT_MAC_POOL_ID = "58ca604b-017d-0374-0220-00000000014e";
    static final String SCHEDULING_POLICY_NONE_ID = "b4ed2332-a7ac-4d5f-9596-99a439cb2812";
    static final String MIGRATION_POLICY_MINIMAL_DOWNTIME_ID = "80554327-0569-496b-bdeb-fcbbf52b827b";
    static final String NO_MAC_SPOOFING_FILTER_ID = "d2370ab4-fee3-11e9-a310-8c1645ce738e";

    private InfrastructureRepresentation() {
    }

    static DataCenter dataCenter(DataCenterEntity dc) {
        List<VersionBuilder> supported = new ArrayList<>();
        for (int minor = 4; minor <= dc.versionMinor; minor++) {
            supported.add(new VersionBuilder().major(4).minor(minor));
        }
        return new DataCenterBuilder().id(dc.id).href(Hrefs.of("datacenters", dc.id)).name(dc.name)
                .description(orEmpty(dc.description)).comment("")
                .status(DataCenterStatus.fromValue(dc.status)).local(false)
                .version(new VersionBuilder().major(dc.versionMajor).minor(dc.versionMinor))
                .supportedVersions(supported.toArray(VersionBuilder[]::new))
                .quotaMode(QuotaModeType.DISABLED)
                .storageFormat(StorageFormat.V5)
                .macPool(new MacPoolBuilder().id(DEFAULT_MAC_POOL_ID).href(Hrefs.of("macpools", DEFAULT_MAC_POOL_ID)))
                .build();
    }

    static Cluster cluster(ClusterEntity cluster, DataCenterEntity dc) {
        ClusterBuilder b = new ClusterBuilder().id(cluster.id).href(Hrefs.of("clusters", cluster.id))
                .name(cluster.name).description(orEmpty(cluster.description)).comment("")
                .cpu(new CpuBuilder().architecture(Architecture.X86_64).type(cluster.cpuType))
                .dataCenter(new DataCenterBuilder().id(cluster.dataCenterId)
                        .href(Hrefs.of("datacenters", cluster.dataCenterId)))
                .version(new VersionBuilder().major(dc.versionMajor).minor(dc.versionMinor))
                .memoryPolicy(new MemoryPolicyBuilder().overCommit(new MemoryOverCommitBuilder()
                        .percent(cluster.memoryOverCommitPercent))
                        .transparentHugePages(new TransparentHugePagesBuilder().enabled(true)))
                .ballooningEnabled(true)
                .biosType(BiosType.Q35_SEA_BIOS)
                .errorHandling(new ErrorHandlingBuilder().onError(MigrateOnError.MIGRATE))
                .fencingPolicy(new FencingPolicyBuilder().enabled(true)
                        .skipIfConnectivityBroken(new SkipIfConnectivityBrokenBuilder().enabled(false).threshold(50))
                        .skipIfGlusterBricksUp(false).skipIfGlusterQuorumNotMet(false)
                        .skipIfSdActive(new SkipIfSdActiveBuilder().enabled(false)))
                .fipsMode(FipsMode.DISABLED)
                .firewallType(FirewallType.FIREWALLD)
                .glusterService(false).virtService(true).haReservation(false)
                .ksm(new KsmBuilder().enabled(true).mergeAcrossNodes(true))
                .logMaxMemoryUsedThreshold(95)
                .logMaxMemoryUsedThresholdType(LogMaxMemoryUsedThresholdType.PERCENTAGE)
                .macPool(new MacPoolBuilder().id(DEFAULT_MAC_POOL_ID).href(Hrefs.of("macpools", DEFAULT_MAC_POOL_ID)))
                .maintenanceReasonRequired(false).optionalReason(false)
                .migration(new MigrationOptionsBuilder().autoConverge(InheritableBoolean.FALSE)
                        .compressed(InheritableBoolean.FALSE).encrypted(InheritableBoolean.FALSE)
                        .bandwidth(new MigrationBandwidthBuilder().assignmentMethod(MigrationBandwidthAssignmentMethod.AUTO))
                        .policy(new MigrationPolicyBuilder().id(MIGRATION_POLICY_MINIMAL_DOWNTIME_ID)))
                .requiredRngSources(RngSource.URANDOM)
                .schedulingPolicy(new SchedulingPolicyBuilder().id(SCHEDULING_POLICY_NONE_ID)
                        .href(Hrefs.of("schedulingpolicies", SCHEDULING_POLICY_NONE_ID)))
                .switchType(SwitchType.LEGACY)
                .threadsAsCores(false).trustedService(false).tunnelMigration(false).vncEncryption(false);
        if (cluster.managementNetworkId != null) {
            b.managementNetwork(new NetworkBuilder().id(cluster.managementNetworkId)
                    .href(Hrefs.of("networks", cluster.managementNetworkId)));
        }
        return b.build();
    }

    /** @param maxSchedulingMemory what the scheduler can still place on the host, in bytes */
    static Host host(HostEntity host, ClusterEntity cluster, long maxSchedulingMemory, int vmsRunning) {
        int sockets = 2;
        int cores = Math.max(1, host.cpuCores / sockets);
        String serial = host.id.substring(24).toUpperCase(Locale.ROOT);
        return new HostBuilder().id(host.id).href(Hrefs.of("hosts", host.id)).name(host.name)
                .description("").comment("")
                .address(host.address).status(HostStatus.fromValue(host.status))
                .cluster(new ClusterBuilder().id(host.clusterId).href(Hrefs.of("clusters", host.clusterId)))
                .memory(host.memoryBytes)
                .maxSchedulingMemory(maxSchedulingMemory)
                .cpu(new CpuBuilder().name("Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz").speed(new BigDecimal(3000))
                        .type(cluster == null ? null : cluster.cpuType)
                        .topology(new CpuTopologyBuilder().sockets(sockets).cores(cores).threads(2)))
                .autoNumaStatus(AutoNumaStatus.UNKNOWN)
                .certificate(new CertificateBuilder().organization("vdi.example")
                        .subject("O=vdi.example,CN=" + host.address))
                .devicePassthrough(new HostDevicePassthroughBuilder().enabled(false))
                .externalStatus(ExternalStatus.OK)
                .hardwareInformation(new HardwareInformationBuilder().family("PowerEdge")
                        .manufacturer("Dell Inc.").productName("PowerEdge R640").serialNumber(serial)
                        .uuid(host.id).version("").supportedRngSources(RngSource.URANDOM, RngSource.HWRNG))
                .hostedEngine(new HostedEngineBuilder().configured(false))
                .kdumpStatus(KdumpStatus.DISABLED)
                .ksm(new KsmBuilder().enabled(false))
                .libvirtVersion(new VersionBuilder().major(8).minor(0).build(0).revision(0)
                        .fullVersion("libvirt-8.0.0-5.5.module+el8.6.0+17245+2a0e3bbb"))
                .networkOperationInProgress(false)
                .numaSupported(true)
                .os(new OperatingSystemBuilder().type("RHEL").version(new VersionBuilder().major(8).minor(6)
                        .fullVersion("8.6 - 2.el8_6")))
                .overrideIptables(false)
                .port(54321)
                .powerManagement(new PowerManagementBuilder().enabled(false).kdumpDetection(true)
                        .automaticPmEnabled(true))
                .protocol(HostProtocol.STOMP)
                .reinstallationRequired(false)
                .seLinux(new SeLinuxBuilder().mode(SeLinuxMode.ENFORCING))
                .spm(new SpmBuilder().priority(5).status(host.spm ? SpmStatus.SPM : SpmStatus.NONE))
                .ssh(new SshBuilder().port(22).fingerprint("SHA256:" + serial))
                .summary(new VmSummaryBuilder().active(vmsRunning).migrating(0).total(vmsRunning))
                .transparentHugePages(new TransparentHugePagesBuilder().enabled(true))
                .type(HostType.RHEL)
                .updateAvailable(false)
                .version(new VersionBuilder().major(4).minor(50).build(3).revision(4)
                        .fullVersion("vdsm-4.50.3.4-1.el8ev"))
                .vgpuPlacement(VgpuPlacement.CONSOLIDATED)
                .build();
    }

    static Network network(NetworkEntity network) {
        NetworkBuilder b = new NetworkBuilder().id(network.id).href(Hrefs.of("networks", network.id))
                .name(network.name).description(orEmpty(network.description)).comment("").mtu(network.mtu)
                .dataCenter(new DataCenterBuilder().id(network.dataCenterId)
                        .href(Hrefs.of("datacenters", network.dataCenterId)))
                .portIsolation(false).stp(false).usages(NetworkUsage.VM)
                .vdsmName(network.name.length() <= 15 ? network.name : "on" + network.id.substring(0, 13));
        if (network.vlan != null) {
            b.vlan(new VlanBuilder().id(network.vlan));
        }
        return b.build();
    }

    static VnicProfile vnicProfile(VnicProfileEntity profile) {
        return new VnicProfileBuilder().id(profile.id).href(Hrefs.of("vnicprofiles", profile.id)).name(profile.name)
                .description("").comment("")
                .network(new NetworkBuilder().id(profile.networkId).href(Hrefs.of("networks", profile.networkId)))
                .networkFilter(new NetworkFilterBuilder().id(NO_MAC_SPOOFING_FILTER_ID)
                        .href(Hrefs.of("networkfilters", NO_MAC_SPOOFING_FILTER_ID)))
                .passThrough(new VnicPassThroughBuilder().mode(VnicPassThroughMode.DISABLED))
                .portMirroring(false)
                .build();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
