package io.vdibot.rhev.view;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.GroupInfo;
import io.vdibot.rhev.inventory.HostInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.NetworkInfo;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.inventory.PoolUsage;
import io.vdibot.rhev.inventory.RoleInfo;
import io.vdibot.rhev.inventory.StorageDomainInfo;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.inventory.UserDesktops;
import io.vdibot.rhev.inventory.UserInfo;
import io.vdibot.rhev.inventory.VmInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The columns of each {@code list} kind and the rows of one site, read from the cached inventory. */
final class ListTables {

    /** One object of a list: its name (filtered and sorted on) and its cells, without the site column. */
    record Row(String site, String name, List<String> cells) {
    }

    private final InventoryCache inventory;

    ListTables(InventoryCache inventory) {
        this.inventory = inventory;
    }

    List<String> headers(InventoryKind kind, Messages m) {
        List<String> keys = switch (kind) {
            case VMS -> List.of("name", "status", "host", "ip", "pool", "template");
            case POOLS -> List.of("name", "vms", "running", "handed-out", "prestarted", "type", "template");
            case TEMPLATES -> List.of("name", "versions", "latest", "status", "cluster", "os");
            case HOSTS -> List.of("name", "status", "cluster", "address", "vms-running");
            case CLUSTERS -> List.of("name", "data-center", "hosts-up", "vms-up");
            case STORAGE -> List.of("name", "type", "status", "free", "used");
            case NETWORKS -> List.of("name", "data-center", "vlan", "description");
            case USERS -> List.of("user", "email", "vms", "running");
            case GROUPS -> List.of("name", "namespace");
            case ROLES -> List.of("name", "kind");
        };
        return keys.stream().map(key -> m.format("view.column." + key)).toList();
    }

    /** The rows of {@code site} whose name passes {@code filter}, unsorted. */
    List<Row> rows(InventoryKind kind, String site, Predicate<String> filter, Messages m) {
        SiteLookup at = new SiteLookup(inventory, site);
        List<Row> rows = new ArrayList<>();
        switch (kind) {
            case VMS -> inventory.vms(site).stream().filter(vm -> filter.test(vm.name()))
                    .forEach(vm -> rows.add(row(site, vm.name(), m.term(EngineTerm.VM_STATUS, vm.status()), at.hostName(vm.hostId()),
                            vm.ipv4().orElse(Formats.NONE), at.poolName(vm.poolId()),
                            at.template(vm.templateId()).map(t -> Formats.shortVersion(t, m)).orElse(Formats.NONE))));
            case POOLS -> pools(site, filter, at, m, rows);
            case TEMPLATES -> templates(site, filter, at, m, rows);
            case HOSTS -> hosts(site, filter, at, m, rows);
            case CLUSTERS -> clusters(site, filter, rows);
            case STORAGE -> storage(site, filter, at, m, rows);
            case NETWORKS -> networks(site, filter, at, rows);
            case USERS -> users(site, filter, rows);
            case GROUPS -> groups(site, filter, rows);
            case ROLES -> roles(site, filter, m, rows);
        }
        return rows;
    }

    private void pools(String site, Predicate<String> filter, SiteLookup at, Messages m, List<Row> rows) {
        Map<String, PoolUsage> usage = inventory.poolUsage(site);
        for (PoolInfo pool : inventory.pools(site)) {
            if (filter.test(pool.name())) {
                PoolUsage u = usage.getOrDefault(pool.id(), PoolUsage.NONE);
                rows.add(row(site, pool.name(), String.valueOf(pool.size()), String.valueOf(u.running()),
                        String.valueOf(u.handedOut()), String.valueOf(pool.prestarted()),
                        m.term(EngineTerm.POOL_TYPE, pool.type()), poolTemplate(pool, at, m)));
            }
        }
    }

    private void hosts(String site, Predicate<String> filter, SiteLookup at, Messages m, List<Row> rows) {
        Map<String, Integer> running = new HashMap<>();
        inventory.vms(site).stream().filter(vm -> vm.hostId() != null)
                .forEach(vm -> running.merge(vm.hostId(), 1, Integer::sum));
        for (HostInfo host : inventory.hosts(site)) {
            if (filter.test(host.name())) {
                rows.add(row(site, host.name(), m.term(EngineTerm.HOST_STATUS, host.status()), at.clusterName(host.clusterId()),
                        Formats.orNone(host.address()), String.valueOf(running.getOrDefault(host.id(), 0))));
            }
        }
    }

    private void storage(String site, Predicate<String> filter, SiteLookup at, Messages m, List<Row> rows) {
        for (StorageDomainInfo sd : inventory.storageDomains(site)) {
            if (filter.test(sd.name())) {
                rows.add(row(site, sd.name(), sd.master() ? m.format("view.storage.master", m.term(EngineTerm.STORAGE_TYPE, sd.type()))
                        : m.term(EngineTerm.STORAGE_TYPE, sd.type()), storageStatus(sd, at, m),
                        Formats.bytes(sd.availableBytes()), Formats.bytes(sd.usedBytes())));
            }
        }
    }

    private void networks(String site, Predicate<String> filter, SiteLookup at, List<Row> rows) {
        for (NetworkInfo network : inventory.networks(site)) {
            if (filter.test(network.name())) {
                rows.add(row(site, network.name(), at.dataCenterName(network.dataCenterId()),
                        network.vlan() == null ? Formats.NONE : String.valueOf(network.vlan()),
                        Formats.orNone(network.description())));
            }
        }
    }

    private void users(String site, Predicate<String> filter, List<Row> rows) {
        Map<String, UserDesktops> desktops = new HashMap<>();
        inventory.desktops(site).forEach(d -> desktops.put(d.user().id(), d));
        for (UserInfo user : inventory.users(site)) {
            if (filter.test(user.userName())) {
                UserDesktops d = desktops.get(user.id());
                rows.add(row(site, user.userName(), Formats.orNone(user.email()),
                        String.valueOf(d == null ? 0 : d.vms().size()),
                        String.valueOf(d == null ? 0 : d.vms().stream().filter(VmInfo::isUp).count())));
            }
        }
    }

    private void groups(String site, Predicate<String> filter, List<Row> rows) {
        for (GroupInfo group : inventory.groups(site)) {
            if (filter.test(group.name())) {
                rows.add(row(site, group.name(), Formats.orNone(group.namespace())));
            }
        }
    }

    private void roles(String site, Predicate<String> filter, Messages m, List<Row> rows) {
        for (RoleInfo role : inventory.roles(site)) {
            if (filter.test(role.name())) {
                rows.add(row(site, role.name(),
                        m.format(role.administrative() ? "view.role.admin" : "view.role.user")));
            }
        }
    }

    /** One row per template name: how many versions, the newest, and the statuses of all of them. */
    private void templates(String site, Predicate<String> filter, SiteLookup at, Messages m, List<Row> rows) {
        Map<String, List<TemplateInfo>> byName = new LinkedHashMap<>();
        inventory.templates(site).stream().filter(t -> filter.test(t.name()))
                .forEach(t -> byName.computeIfAbsent(t.name(), n -> new ArrayList<>()).add(t));
        byName.forEach((name, versions) -> {
            versions.sort(Comparator.comparingInt(TemplateInfo::version));
            TemplateInfo latest = versions.get(versions.size() - 1);
            Map<String, Integer> statuses = new TreeMap<>();
            versions.forEach(v -> statuses.merge(m.term(EngineTerm.IMAGE_STATUS, v.status()), 1, Integer::sum));
            String status = statuses.size() == 1 ? statuses.keySet().iterator().next()
                    : String.join(", ", statuses.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .toList());
            rows.add(row(site, name, String.valueOf(versions.size()),
                    latest.version() + (latest.versionName() == null ? "" : " " + latest.versionName()), status,
                    at.clusterName(latest.clusterId()), Formats.orNone(latest.osType())));
        });
    }

    private void clusters(String site, Predicate<String> filter, List<Row> rows) {
        Map<String, int[]> hosts = new HashMap<>();
        inventory.hosts(site).forEach(h -> {
            int[] c = hosts.computeIfAbsent(h.clusterId(), id -> new int[2]);
            c[1]++;
            if ("up".equals(h.status())) {
                c[0]++;
            }
        });
        Map<String, int[]> vms = new HashMap<>();
        inventory.vms(site).forEach(vm -> {
            int[] c = vms.computeIfAbsent(vm.clusterId(), id -> new int[2]);
            c[1]++;
            if (vm.isUp()) {
                c[0]++;
            }
        });
        for (ClusterInfo cluster : inventory.clusters(site)) {
            if (filter.test(cluster.name())) {
                int[] h = hosts.getOrDefault(cluster.id(), new int[2]);
                int[] v = vms.getOrDefault(cluster.id(), new int[2]);
                rows.add(row(site, cluster.name(), Formats.orNone(cluster.dataCenterName()), h[0] + "/" + h[1],
                        v[0] + "/" + v[1]));
            }
        }
    }

    static String poolTemplate(PoolInfo pool, SiteLookup at, Messages m) {
        return at.template(pool.templateId()).map(t -> pool.useLatestTemplateVersion()
                ? m.format("view.template.latest-short", t.name()) : Formats.shortVersion(t, m))
                .orElse(Formats.NONE);
    }

    /** {@code active}, or {@code Paris-DC: active, Rome-DC: maintenance} when attached to several data centers. */
    static String storageStatus(StorageDomainInfo sd, SiteLookup at, Messages m) {
        if (sd.statusByDataCenter().size() <= 1) {
            return m.term(EngineTerm.STORAGE_STATUS, sd.status());
        }
        return String.join(", ", sd.dataCenterIds().stream()
                .filter(id -> sd.statusByDataCenter().containsKey(id))
                .map(id -> at.dataCenterName(id) + ": "
                        + m.term(EngineTerm.STORAGE_STATUS, sd.statusByDataCenter().get(id))).toList());
    }

    private static Row row(String site, String name, String... rest) {
        List<String> cells = new ArrayList<>();
        cells.add(name);
        for (String cell : rest) {
            cells.add(Formats.orNone(cell));
        }
        return new Row(site, name, cells);
    }
}
