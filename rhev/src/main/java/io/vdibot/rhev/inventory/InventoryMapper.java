package io.vdibot.rhev.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ovirt.engine.sdk4.types.Cluster;
import org.ovirt.engine.sdk4.types.Cpu;
import org.ovirt.engine.sdk4.types.DataCenter;
import org.ovirt.engine.sdk4.types.Group;
import org.ovirt.engine.sdk4.types.Host;
import org.ovirt.engine.sdk4.types.Ip;
import org.ovirt.engine.sdk4.types.Network;
import org.ovirt.engine.sdk4.types.Permission;
import org.ovirt.engine.sdk4.types.ReportedDevice;
import org.ovirt.engine.sdk4.types.Role;
import org.ovirt.engine.sdk4.types.Snapshot;
import org.ovirt.engine.sdk4.types.StorageDomain;
import org.ovirt.engine.sdk4.types.Template;
import org.ovirt.engine.sdk4.types.User;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmPool;

/**
 * SDK objects to this module's records. Only here do SDK types meet the records; everything else in the bot sees
 * plain values. Absent attributes are tolerated everywhere: the engine omits what it does not know, and the SDK's
 * boolean getters would throw on an absent value.
 */
public final class InventoryMapper {

    private InventoryMapper() {
    }

    public static DataCenterInfo dataCenter(DataCenter dc) {
        return new DataCenterInfo(dc.id(), dc.name(), dc.status() == null ? null : dc.status().value());
    }

    public static ClusterInfo cluster(Cluster cluster, Map<String, DataCenterInfo> dataCenters) {
        String dcId = cluster.dataCenter() == null ? null : cluster.dataCenter().id();
        DataCenterInfo dc = dcId == null ? null : dataCenters.get(dcId);
        return new ClusterInfo(cluster.id(), cluster.name(), dcId, dc == null ? null : dc.name());
    }

    public static TemplateInfo template(Template t) {
        int version = 1;
        String versionName = null;
        if (t.version() != null) {
            Integer number = t.version().versionNumberAsInteger();
            version = number == null ? 1 : number;
            versionName = t.version().versionName();
        }
        return new TemplateInfo(t.id(), t.name(), version, versionName,
                t.status() == null ? null : t.status().value(),
                t.cluster() == null ? null : t.cluster().id(),
                t.os() == null ? null : t.os().type(),
                orZero(t.memoryAsLong()), cpus(t.cpu()), t.description(),
                t.memoryPolicy() == null ? 0 : orZero(t.memoryPolicy().guaranteedAsLong()), t.comment());
    }

    public static VmInfo vm(Vm vm) {
        return new VmInfo(vm.id(), vm.name(), vm.description(), vm.status() == null ? null : vm.status().value(),
                vm.cluster() == null ? null : vm.cluster().id(),
                vm.host() == null ? null : vm.host().id(),
                vm.template() == null ? null : vm.template().id(),
                vm.vmPool() == null ? null : vm.vmPool().id(),
                addresses(vm.reportedDevices()), vm.fqdn(), orZero(vm.memoryAsLong()), cpus(vm.cpu()),
                vm.permissionsPresent() ? vm.permissions().stream().map(InventoryMapper::permission).toList()
                        : List.of(), vm.os() == null ? null : vm.os().type(),
                vm.hasIllegalImagesPresent() && vm.hasIllegalImages(), vm.comment());
    }

    public static SnapshotInfo snapshot(Snapshot s) {
        return new SnapshotInfo(s.id(), s.description(),
                s.snapshotType() == null ? null : s.snapshotType().value(),
                s.snapshotStatus() == null ? null : s.snapshotStatus().value(),
                s.date() == null ? null : s.date().toInstant(),
                s.persistMemorystatePresent() && s.persistMemorystate());
    }

    public static PermissionInfo permission(Permission p) {
        return new PermissionInfo(p.id(), p.role() == null ? null : p.role().id(),
                p.user() == null ? null : p.user().id(), p.group() == null ? null : p.group().id());
    }

    /** Guest-reported addresses, IPv4 first (users connect to those), in the order the agent gave them. */
    public static List<String> addresses(List<ReportedDevice> devices) {
        List<String> out = new ArrayList<>();
        for (ReportedDevice device : devices) {
            for (Ip ip : device.ips()) {
                if (ip.address() != null && !ip.address().isBlank() && !out.contains(ip.address())) {
                    out.add(ip.address());
                }
            }
        }
        out.sort(Comparator.comparing(address -> VmInfo.isIpv4(address) ? 0 : 1));
        return out;
    }

    public static HostInfo host(Host host) {
        return new HostInfo(host.id(), host.name(), host.address(),
                host.status() == null ? null : host.status().value(),
                host.cluster() == null ? null : host.cluster().id(), orZero(host.memoryAsLong()),
                host.maxSchedulingMemoryPresent() ? host.maxSchedulingMemoryAsLong() : null);
    }

    public static NetworkInfo network(Network network) {
        return new NetworkInfo(network.id(), network.name(),
                network.dataCenter() == null ? null : network.dataCenter().id(),
                network.vlan() == null ? null : network.vlan().idAsInteger(), network.description());
    }

    /**
     * @param attachedStatus the status of the domain in the data center it is attached to, from
     *                       {@code /datacenters/{id}/storagedomains}; null when it is attached nowhere
     */
    public static StorageDomainInfo storageDomain(StorageDomain sd, String attachedStatus) {
        return storageDomain(sd, attachedStatus, Map.of());
    }

    /**
     * @param statusByDataCenter the domain's status in each data center it is attached to, by data center id
     */
    public static StorageDomainInfo storageDomain(StorageDomain sd, String attachedStatus,
            Map<String, String> statusByDataCenter) {
        List<String> dcIds = sd.dataCenters().stream().map(DataCenter::id).toList();
        String status = attachedStatus != null ? attachedStatus
                : sd.status() != null ? sd.status().value() : (dcIds.isEmpty() ? "unattached" : null);
        return new StorageDomainInfo(sd.id(), sd.name(), sd.type() == null ? null : sd.type().value(), status,
                sd.masterPresent() && sd.master(), orZero(sd.availableAsLong()), orZero(sd.usedAsLong()), dcIds,
                statusByDataCenter);
    }

    public static PoolInfo pool(VmPool pool) {
        return new PoolInfo(pool.id(), pool.name(), pool.description(), orZero(pool.sizeAsInteger()),
                orZero(pool.prestartedVmsAsInteger()), orZero(pool.maxUserVmsAsInteger()),
                pool.type() == null ? null : pool.type().value(), pool.statefulPresent() && pool.stateful(),
                pool.cluster() == null ? null : pool.cluster().id(),
                pool.template() == null ? null : pool.template().id(),
                pool.useLatestTemplateVersionPresent() && pool.useLatestTemplateVersion(), pool.comment());
    }

    public static UserInfo user(User user) {
        return new UserInfo(user.id(), user.userName(), user.principal(), user.email());
    }

    public static GroupInfo group(Group group) {
        return new GroupInfo(group.id(), group.name(), group.namespace());
    }

    public static RoleInfo role(Role role) {
        return new RoleInfo(role.id(), role.name(), role.administrativePresent() && role.administrative());
    }

    private static int cpus(Cpu cpu) {
        if (cpu == null || cpu.topology() == null) {
            return 0;
        }
        Integer sockets = cpu.topology().socketsAsInteger();
        Integer cores = cpu.topology().coresAsInteger();
        return (sockets == null ? 1 : sockets) * (cores == null ? 1 : cores);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
