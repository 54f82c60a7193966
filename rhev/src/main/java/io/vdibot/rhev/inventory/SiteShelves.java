package io.vdibot.rhev.inventory;

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

    SiteShelves(String site) {
        dataCenters = new Shelf<>("data centers of site " + site);
        clusters = new Shelf<>("clusters of site " + site);
        templates = new Shelf<>("templates of site " + site);
        storage = new Shelf<>("storage domains of site " + site);
        vms = new Shelf<>("VMs of site " + site);
        hosts = new Shelf<>("hosts of site " + site);
        networks = new Shelf<>("networks of site " + site);
        pools = new Shelf<>("pools of site " + site);
        users = new Shelf<>("users of site " + site);
        groups = new Shelf<>("groups of site " + site);
        roles = new Shelf<>("roles of site " + site);
    }

    void invalidateAll() {
        Stream.of(dataCenters, clusters, templates, storage, vms, hosts, networks, pools, users, groups, roles)
                .forEach(Shelf::invalidate);
    }
}
