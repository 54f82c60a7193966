package io.vdibot.rhev.inventory;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.stream.Stream;

/** One shelf per kind, so a template picker never waits for the VM list. */
final class SiteShelves {
    final Shelf<DataCenterInfo> dataCenters;
    final Shelf<ClusterInfo> clusters;
    final Shelf<TemplateInfo> templates;
    final Shelf<StorageDomainInfo> storage;
    final Shelf<VmInfo> vms;
    final Shelf<HostInfo> hosts;
    final Shelf<NetworkInfo> networks;
    final Shelf<PoolInfo> pools;
    final Shelf<UserInfo> users;
    final Shelf<GroupInfo> groups;
    final Shelf<RoleInfo> roles;

    SiteShelves(String site, MeterRegistry meters, Clock clock) {
        dataCenters = new Shelf<>("data centers of site " + site, site, "data_centers", meters, clock);
        clusters = new Shelf<>("clusters of site " + site, site, "clusters", meters, clock);
        templates = new Shelf<>("templates of site " + site, site, "templates", meters, clock);
        storage = new Shelf<>("storage domains of site " + site, site, "storage", meters, clock);
        vms = new Shelf<>("VMs of site " + site, site, "vms", meters, clock);
        hosts = new Shelf<>("hosts of site " + site, site, "hosts", meters, clock);
        networks = new Shelf<>("networks of site " + site, site, "networks", meters, clock);
        pools = new Shelf<>("pools of site " + site, site, "pools", meters, clock);
        users = new Shelf<>("users of site " + site, site, "users", meters, clock);
        groups = new Shelf<>("groups of site " + site, site, "groups", meters, clock);
        roles = new Shelf<>("roles of site " + site, site, "roles", meters, clock);
    }

    void invalidateAll() {
        Stream.of(dataCenters, clusters, templates, storage, vms, hosts, networks, pools, users, groups, roles)
                .forEach(Shelf::invalidate);
    }
}
