package io.vdibot.rhev.inventory;

import io.vdibot.rhev.call.EngineCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.ovirt.engine.sdk4.services.SystemService;

/**
 * Uncached reads of the estate, one collection query per kind (never one call per object). The cache loads
 * through these; handlers use them directly when they need the state of this very moment.
 */
public final class InventoryQueries {

    private final EngineCalls calls;

    public InventoryQueries(EngineCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    public EngineCalls calls() {
        return calls;
    }

    public List<DataCenterInfo> dataCenters(String site) {
        return list(site, "list data centers",
                s -> s.dataCentersService().list().send().dataCenters().stream()
                        .map(InventoryMapper::dataCenter).toList());
    }

    public List<ClusterInfo> clusters(String site, List<DataCenterInfo> dataCenters) {
        Map<String, DataCenterInfo> byId = new HashMap<>();
        dataCenters.forEach(dc -> byId.put(dc.id(), dc));
        return list(site, "list clusters", s -> s.clustersService().list().send().clusters().stream()
                .map(c -> InventoryMapper.cluster(c, byId)).toList());
    }

    /** Templates matching {@code search} (the engine's search language), or all when null; the Blank one never. */
    public List<TemplateInfo> templates(String site, String search) {
        return list(site, "list templates", s -> {
            var request = s.templatesService().list();
            if (search != null) {
                request.search(search);
            }
            return request.send().templates().stream().map(InventoryMapper::template)
                    .filter(t -> !t.isBlank()).toList();
        });
    }

    /**
     * VMs matching {@code search}, or all when null.
     *
     * @param withAddresses embed the guest-reported devices ({@code follow=reported_devices}) to learn the IPs in
     *                      the same call
     */
    public List<VmInfo> vms(String site, String search, boolean withAddresses) {
        return vms(site, search, withAddresses, false);
    }

    /**
     * VMs matching {@code search}, or all when null.
     *
     * @param withAddresses   embed the guest-reported devices to learn the IPs in the same call
     * @param withPermissions embed each VM's own grants ({@code follow=permissions}), which tell whom a VM is
     *                        assigned to, instead of asking {@code /vms/{id}/permissions} once per VM
     */
    public List<VmInfo> vms(String site, String search, boolean withAddresses, boolean withPermissions) {
        return list(site, "list VMs", s -> {
            var request = s.vmsService().list();
            if (search != null) {
                request.search(search);
            }
            List<String> follow = new ArrayList<>();
            if (withAddresses) {
                follow.add("reported_devices");
            }
            if (withPermissions) {
                follow.add("permissions");
            }
            if (!follow.isEmpty()) {
                request.follow(String.join(",", follow));
            }
            return request.send().vms().stream().map(InventoryMapper::vm).toList();
        });
    }

    /**
     * The snapshots of one VM, its "Active VM" snapshot included: a VM's own sub-collection, since the engine has
     * no collection of every VM's snapshots.
     */
    public List<SnapshotInfo> snapshots(String site, String vmId) {
        return list(site, "list snapshots of VM " + vmId,
                s -> s.vmsService().vmService(vmId).snapshotsService().list().send().snapshots().stream()
                        .map(InventoryMapper::snapshot).toList());
    }

    public List<HostInfo> hosts(String site) {
        return list(site, "list hosts",
                s -> s.hostsService().list().send().hosts().stream().map(InventoryMapper::host).toList());
    }

    public List<NetworkInfo> networks(String site) {
        return list(site, "list networks",
                s -> s.networksService().list().send().networks().stream().map(InventoryMapper::network).toList());
    }

    /**
     * Storage domains with their status. The top-level list carries a status only for unattached domains, so the
     * attached ones are read per data center: one extra collection query per data center, not per domain.
     */
    public List<StorageDomainInfo> storageDomains(String site, List<DataCenterInfo> dataCenters) {
        Map<String, String> attachedStatus = new HashMap<>();
        Map<String, Map<String, String>> statusByDataCenter = new HashMap<>();
        for (DataCenterInfo dc : dataCenters) {
            list(site, "list storage domains of data center " + dc.name(),
                    s -> s.dataCentersService().dataCenterService(dc.id()).storageDomainsService().list().send()
                            .storageDomains())
                    .forEach(sd -> {
                        if (sd.status() != null) {
                            attachedStatus.putIfAbsent(sd.id(), sd.status().value());
                            statusByDataCenter.computeIfAbsent(sd.id(), id -> new HashMap<>())
                                    .put(dc.id(), sd.status().value());
                        }
                    });
        }
        return list(site, "list storage domains", s -> s.storageDomainsService().list().send().storageDomains()
                .stream().map(sd -> InventoryMapper.storageDomain(sd, attachedStatus.get(sd.id()),
                        statusByDataCenter.getOrDefault(sd.id(), Map.of()))).toList());
    }

    public List<PoolInfo> pools(String site) {
        return list(site, "list pools",
                s -> s.vmPoolsService().list().send().pools().stream().map(InventoryMapper::pool).toList());
    }

    /** The grants on one pool: which users and groups may take its VMs, and who administers it. */
    public List<PermissionInfo> poolPermissions(String site, String poolId) {
        return list(site, "list permissions of pool " + poolId,
                s -> s.vmPoolsService().poolService(poolId).permissionsService().list().send().permissions()
                        .stream().map(InventoryMapper::permission).toList());
    }

    public List<UserInfo> users(String site) {
        return list(site, "list users",
                s -> s.usersService().list().send().users().stream().map(InventoryMapper::user).toList());
    }

    public List<GroupInfo> groups(String site) {
        return list(site, "list groups",
                s -> s.groupsService().list().send().groups().stream().map(InventoryMapper::group).toList());
    }

    public List<RoleInfo> roles(String site) {
        return list(site, "list roles",
                s -> s.rolesService().list().send().roles().stream().map(InventoryMapper::role).toList());
    }

    private <T> List<T> list(String site, String what, Function<SystemService, List<T>> query) {
        return calls.call(site, what, connection -> List.copyOf(query.apply(connection.systemService())));
    }
}
