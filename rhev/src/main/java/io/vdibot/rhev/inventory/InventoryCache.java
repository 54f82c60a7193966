package io.vdibot.rhev.inventory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.connect.EngineConnections;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The estate of every site, cached per site and kind for a short time (30 s by default) and reloaded on demand
 * with one collection query per kind. Serves the pickers and quick checks of the core ({@link InventoryLookup})
 * and typed finders for handlers and views.
 *
 * <p>Lists may be up to the TTL old. Whoever needs the state of this very moment (a handler's preflight) calls
 * {@link #refresh(String)} first or uses {@link InventoryQueries} directly.
 */
public final class InventoryCache implements InventoryLookup {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

    private final InventoryQueries queries;
    private final EngineConnections connections;
    private final Duration ttl;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, SiteShelves> sites = new ConcurrentHashMap<>();
    private final Map<IndexKey, IndexedList> indexes = new ConcurrentHashMap<>();

    /** @param meters where cache hits, misses and the age of each list are counted ({@code vdibot.inventory.cache*}) */
    public InventoryCache(InventoryQueries queries, Duration ttl, Clock clock, MeterRegistry meters) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.connections = queries.calls().connections();
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("the TTL must not be negative");
        }
    }

    /** Counted in Micrometer's global registry, which Spring Boot's registry joins by default. */
    public InventoryCache(InventoryQueries queries, Duration ttl, Clock clock) {
        this(queries, ttl, clock, Metrics.globalRegistry);
    }

    public InventoryCache(InventoryQueries queries) {
        this(queries, DEFAULT_TTL, Clock.systemUTC());
    }

    public InventoryQueries queries() {
        return queries;
    }

    @Override
    public List<String> sites() {
        return connections.siteNames();
    }

    public String defaultSite() {
        return connections.defaultSite();
    }

    /** Forgets everything cached for {@code site} (null = default); the next read loads afresh. */
    public void refresh(String site) {
        shelves(resolve(site)).invalidateAll();
    }

    /** Forgets everything cached for every site. */
    public void refreshAll() {
        sites().forEach(this::refresh);
    }

    /**
     * Loads every kind of {@code site} (null = default) now, in one collection query per kind, and tells how many
     * of each there are. Unlike a read after {@link #refresh}, an engine that does not answer fails the reload
     * with its {@link io.vdibot.rhev.call.EngineException} instead of leaving the older lists in service silently.
     */
    public Map<InventoryKind, Integer> reload(String site) {
        String s = resolve(site);
        SiteShelves shelves = shelves(s);
        shelves.invalidateAll();
        List<DataCenterInfo> dataCenters = shelves.dataCenters.reload(clock, () -> queries.dataCenters(s));
        Map<InventoryKind, Integer> counts = new EnumMap<>(InventoryKind.class);
        counts.put(InventoryKind.CLUSTERS,
                shelves.clusters.reload(clock, () -> queries.clusters(s, dataCenters)).size());
        counts.put(InventoryKind.HOSTS, shelves.hosts.reload(clock, () -> queries.hosts(s)).size());
        counts.put(InventoryKind.STORAGE,
                shelves.storage.reload(clock, () -> queries.storageDomains(s, dataCenters)).size());
        counts.put(InventoryKind.NETWORKS, shelves.networks.reload(clock, () -> queries.networks(s)).size());
        counts.put(InventoryKind.TEMPLATES, (int) shelves.templates.reload(clock, () -> queries.templates(s, null))
                .stream().map(TemplateInfo::name).distinct().count());
        counts.put(InventoryKind.VMS, shelves.vms.reload(clock, () -> loadVms(s)).size());
        counts.put(InventoryKind.POOLS, shelves.pools.reload(clock, () -> queries.pools(s)).size());
        counts.put(InventoryKind.USERS, shelves.users.reload(clock, () -> queries.users(s)).size());
        counts.put(InventoryKind.GROUPS, shelves.groups.reload(clock, () -> queries.groups(s)).size());
        counts.put(InventoryKind.ROLES, shelves.roles.reload(clock, () -> queries.roles(s)).size());
        return counts;
    }

    /**
     * {@code lookup} on the cached lists of {@code site}, and once more after {@link #refresh} when they do not have
     * it: an object added within the TTL must not be reported missing.
     */
    public <T> Optional<T> findOrRefresh(String site, Supplier<Optional<T>> lookup) {
        Optional<T> found = lookup.get();
        if (found.isPresent()) {
            return found;
        }
        refresh(site);
        return lookup.get();
    }

    /** Names from a sorted index of the cached list: a binary search, not a scan, whatever the size of the site. */
    @Override
    public List<String> names(String site, InventoryKind kind, String prefix, int limit) {
        String resolved = site == null ? defaultSite() : site;
        if (!connections.knows(resolved) || limit <= 0) {
            return List.of();
        }
        return index(resolved, kind).startingWith(prefix, limit);
    }

    /** Exact, case-sensitive: engine names are. */
    @Override
    public boolean exists(String site, InventoryKind kind, String name) {
        String resolved = site == null ? defaultSite() : site;
        return name != null && connections.knows(resolved) && index(resolved, kind).contains(name);
    }

    private NameIndex index(String site, InventoryKind kind) {
        return switch (kind) {
            case VMS -> index(site, kind, vms(site), VmInfo::name);
            case POOLS -> index(site, kind, pools(site), PoolInfo::name);
            case TEMPLATES -> index(site, kind, templates(site), TemplateInfo::name);
            case HOSTS -> index(site, kind, hosts(site), HostInfo::name);
            case CLUSTERS -> index(site, kind, clusters(site), ClusterInfo::name);
            case STORAGE -> index(site, kind, storageDomains(site), StorageDomainInfo::name);
            case NETWORKS -> index(site, kind, networks(site), NetworkInfo::name);
            case USERS -> index(site, kind, users(site), UserInfo::userName);
            case GROUPS -> index(site, kind, groups(site), GroupInfo::name);
            case ROLES -> index(site, kind, roles(site), RoleInfo::name);
        };
    }

    /**
     * The index of {@code items}, built again only when the shelf hands out another list: a shelf serves the same
     * immutable list until it reloads, so the list's identity says whether the index is current.
     */
    private <T> NameIndex index(String site, InventoryKind kind, List<T> items, Function<T, String> name) {
        IndexKey key = new IndexKey(site, kind);
        IndexedList indexed = indexes.get(key);
        if (indexed != null && indexed.source() == items) {
            return indexed.index();
        }
        NameIndex index = NameIndex.of(items.stream().map(name));
        indexes.put(key, new IndexedList(items, index));
        return index;
    }

    private record IndexKey(String site, InventoryKind kind) {
    }

    private record IndexedList(List<?> source, NameIndex index) {
    }

    public List<DataCenterInfo> dataCenters(String site) {
        return cached(site, shelves -> shelves.dataCenters, queries::dataCenters);
    }

    public Optional<DataCenterInfo> dataCenterById(String site, String id) {
        return dataCenters(site).stream().filter(dc -> dc.id().equals(id)).findFirst();
    }

    public List<ClusterInfo> clusters(String site) {
        return cached(site, shelves -> shelves.clusters, s -> queries.clusters(s, dataCenters(s)));
    }

    /** The first cluster of that name; cluster names are unique within a data center, rarely across them. */
    public Optional<ClusterInfo> cluster(String site, String name) {
        return clusters(site).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<ClusterInfo> clusterById(String site, String id) {
        return clusters(site).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Every template version at the site, the Blank template excluded. */
    public List<TemplateInfo> templates(String site) {
        return cached(site, shelves -> shelves.templates, s -> queries.templates(s, null));
    }

    /** The versions of the template {@code name}, oldest first. */
    public List<TemplateInfo> templateVersions(String site, String name) {
        return templates(site).stream().filter(t -> t.name().equals(name))
                .sorted(Comparator.comparingInt(TemplateInfo::version)).toList();
    }

    public Optional<TemplateInfo> templateById(String site, String id) {
        return templates(site).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public List<StorageDomainInfo> storageDomains(String site) {
        return cached(site, shelves -> shelves.storage, s -> queries.storageDomains(s, dataCenters(s)));
    }

    public Optional<StorageDomainInfo> storageDomain(String site, String name) {
        return storageDomains(site).stream().filter(sd -> sd.name().equals(name)).findFirst();
    }

    /** Every VM at the site, with the addresses its guest agent reported and the grants that assign it. */
    public List<VmInfo> vms(String site) {
        return cached(site, shelves -> shelves.vms, this::loadVms);
    }

    private List<VmInfo> loadVms(String site) {
        return queries.vms(site, null, true, true);
    }

    /** VMs of that name: one per data center at most. */
    public List<VmInfo> vmsNamed(String site, String name) {
        return vms(site).stream().filter(vm -> vm.name().equals(name)).toList();
    }

    /** Running, total and handed-out VMs of every pool that has VMs, by pool id. */
    public Map<String, PoolUsage> poolUsage(String site) {
        return PoolUsage.of(vms(site));
    }

    /** The engine users with at least one VM assigned to them (see {@link UserDesktops}). */
    public List<UserDesktops> desktops(String site) {
        return UserDesktops.of(vms(site), users(site), roles(site));
    }

    public List<HostInfo> hosts(String site) {
        return cached(site, shelves -> shelves.hosts, queries::hosts);
    }

    public Optional<HostInfo> hostById(String site, String id) {
        return hosts(site).stream().filter(h -> h.id().equals(id)).findFirst();
    }

    public List<NetworkInfo> networks(String site) {
        return cached(site, shelves -> shelves.networks, queries::networks);
    }

    public List<PoolInfo> pools(String site) {
        return cached(site, shelves -> shelves.pools, queries::pools);
    }

    public Optional<PoolInfo> pool(String site, String name) {
        return pools(site).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The grants on one pool, read from the engine at each call: only a view of that one pool needs them, and the
     * engine has no collection of every pool's grants.
     */
    public List<PermissionInfo> poolPermissions(String site, String poolId) {
        return queries.poolPermissions(resolve(site), poolId);
    }

    public List<UserInfo> users(String site) {
        return cached(site, shelves -> shelves.users, queries::users);
    }

    public List<GroupInfo> groups(String site) {
        return cached(site, shelves -> shelves.groups, queries::groups);
    }

    public List<RoleInfo> roles(String site) {
        return cached(site, shelves -> shelves.roles, queries::roles);
    }

    private String resolve(String site) {
        String resolved = site == null ? defaultSite() : site;
        connections.site(resolved);
        return resolved;
    }

    private SiteShelves shelves(String site) {
        return sites.computeIfAbsent(site, name -> new SiteShelves(name, meters, clock));
    }

    /** The list on {@code shelf} of the resolved site while fresh, otherwise loaded by {@code load}. */
    private <T> List<T> cached(String site, Function<SiteShelves, Shelf<T>> shelf, Function<String, List<T>> load) {
        String s = resolve(site);
        return shelf.apply(shelves(s)).get(clock, ttl, () -> load.apply(s));
    }
}
