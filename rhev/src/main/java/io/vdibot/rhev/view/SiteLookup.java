package io.vdibot.rhev.view;

import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.DataCenterInfo;
import io.vdibot.rhev.inventory.GroupInfo;
import io.vdibot.rhev.inventory.HostInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.inventory.RoleInfo;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.inventory.UserInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Id-to-object maps of one site's cached lists, built when a view first needs them and kept for that one reply,
 * so a table of ten thousand VMs joins host, pool and template names without a scan per row.
 */
final class SiteLookup {

    private final InventoryCache inventory;
    private final String site;
    private Map<String, HostInfo> hosts;
    private Map<String, ClusterInfo> clusters;
    private Map<String, DataCenterInfo> dataCenters;
    private Map<String, PoolInfo> pools;
    private Map<String, TemplateInfo> templates;
    private Map<String, UserInfo> users;
    private Map<String, GroupInfo> groups;
    private Map<String, RoleInfo> roles;

    SiteLookup(InventoryCache inventory, String site) {
        this.inventory = inventory;
        this.site = site;
    }

    String site() {
        return site;
    }

    InventoryCache inventory() {
        return inventory;
    }

    Optional<HostInfo> host(String id) {
        return find(id, () -> hosts = hosts != null ? hosts : byId(inventory.hosts(site), HostInfo::id));
    }

    Optional<ClusterInfo> cluster(String id) {
        return find(id, () -> clusters = clusters != null ? clusters
                : byId(inventory.clusters(site), ClusterInfo::id));
    }

    Optional<DataCenterInfo> dataCenter(String id) {
        return find(id, () -> dataCenters = dataCenters != null ? dataCenters
                : byId(inventory.dataCenters(site), DataCenterInfo::id));
    }

    Optional<PoolInfo> pool(String id) {
        return find(id, () -> pools = pools != null ? pools : byId(inventory.pools(site), PoolInfo::id));
    }

    Optional<TemplateInfo> template(String id) {
        return find(id, () -> templates = templates != null ? templates
                : byId(inventory.templates(site), TemplateInfo::id));
    }

    Optional<UserInfo> user(String id) {
        return find(id, () -> users = users != null ? users : byId(inventory.users(site), UserInfo::id));
    }

    Optional<GroupInfo> group(String id) {
        return find(id, () -> groups = groups != null ? groups : byId(inventory.groups(site), GroupInfo::id));
    }

    Optional<RoleInfo> role(String id) {
        return find(id, () -> roles = roles != null ? roles : byId(inventory.roles(site), RoleInfo::id));
    }

    String hostName(String id) {
        return host(id).map(HostInfo::name).orElse(Formats.NONE);
    }

    String clusterName(String id) {
        return cluster(id).map(ClusterInfo::name).orElse(Formats.NONE);
    }

    String dataCenterName(String id) {
        return dataCenter(id).map(DataCenterInfo::name).orElse(Formats.NONE);
    }

    String poolName(String id) {
        return pool(id).map(PoolInfo::name).orElse(Formats.NONE);
    }

    String userName(String id) {
        return user(id).map(UserInfo::userName).orElse(id);
    }

    private static <T> Optional<T> find(String id, Supplier<Map<String, T>> map) {
        return id == null ? Optional.empty() : Optional.ofNullable(map.get().get(id));
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new HashMap<>();
        items.forEach(item -> map.putIfAbsent(id.apply(item), item));
        return map;
    }
}
