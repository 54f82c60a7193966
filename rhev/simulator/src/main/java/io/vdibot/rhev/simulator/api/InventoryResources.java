package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.HostMemory;
import io.vdibot.rhev.simulator.engine.PermissionOperations;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.HostEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ovirt.engine.sdk4.builders.ApiBuilder;
import org.ovirt.engine.sdk4.builders.ApiSummaryBuilder;
import org.ovirt.engine.sdk4.builders.ApiSummaryItemBuilder;
import org.ovirt.engine.sdk4.builders.ProductInfoBuilder;
import org.ovirt.engine.sdk4.builders.SpecialObjectsBuilder;
import org.ovirt.engine.sdk4.builders.TagBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VersionBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlApiWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlClusterWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlDataCenterWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlDiskWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlHostWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlNetworkWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlVnicProfileWriter;

/**
 * The read-mostly parts of the API: the entry point, data centers, clusters, hosts, networks and disks
 * here; the directory, permissions on any object, and jobs and events in their own classes, which
 * this one registers.
 */
public final class InventoryResources {

    static final Set<String> NAME_FIELDS = Set.of("name", "id", "description");
    private static final Set<String> HOST_FIELDS = Set.of("name", "id", "status", "cluster", "address");
    private static final Set<String> CLUSTER_FIELDS = Set.of("name", "id", "description", "datacenter");
    private static final Set<String> DATA_CENTER_FIELDS = Set.of("name", "id", "description", "status",
            "clusters.name", "cluster.name", "storage.name");
    private static final Set<String> NETWORK_FIELDS = Set.of("name", "id", "description", "datacenter", "vlanid");
    private final Engine engine;
    private final Estate estate;
    private final PermissionOperations permissions;

    public InventoryResources(Engine engine, PermissionOperations permissions) {
        this.engine = engine;
        this.estate = engine.estate();
        this.permissions = permissions;
    }

    public void register(Router router) {
        router.get("", (r, p) -> engine.read(this::entryPoint));
        router.get("datacenters", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w -> XmlDataCenterWriter
                .writeMany(map(Listing.select(r, values(estate.dataCenters), DATA_CENTER_FIELDS,
                        this::dataCenterField), InventoryRepresentation::dataCenter).iterator(), w)))));
        router.get("datacenters/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlDataCenterWriter.writeOne(InventoryRepresentation.dataCenter(find(estate.dataCenters, p)), w)))));
        router.get("clusters", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w -> XmlClusterWriter
                .writeMany(map(Listing.select(r, values(estate.clusters), CLUSTER_FIELDS, this::clusterField),
                        InventoryRepresentation::cluster).iterator(), w)))));
        router.get("clusters/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlClusterWriter.writeOne(InventoryRepresentation.cluster(find(estate.clusters, p)), w)))));
        router.get("hosts", (r, p) -> engine.read(() -> {
            Map<String, Long> committed = HostMemory.committedByHost(estate);
            return ApiResponse.ok(Xml.write(w -> XmlHostWriter.writeMany(map(Listing.select(r, values(estate.hosts),
                    HOST_FIELDS, this::hostField), host -> InventoryRepresentation.host(host, HostMemory.maxScheduling(
                            estate, host, committed.getOrDefault(host.id, 0L)))).iterator(), w)));
        }));
        router.get("hosts/{id}", (r, p) -> engine.read(() -> {
            HostEntity host = find(estate.hosts, p);
            return ApiResponse.ok(Xml.write(w -> XmlHostWriter.writeOne(InventoryRepresentation.host(host,
                    HostMemory.maxScheduling(estate, host)), w)));
        }));
        router.get("networks", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w -> XmlNetworkWriter
                .writeMany(map(Listing.select(r, values(estate.networks), NETWORK_FIELDS, (n, f) -> switch (f) {
                    case "name" -> n.name;
                    case "id" -> n.id;
                    case "datacenter" -> estate.dataCenters.get(n.dataCenterId).name;
                    case "vlanid" -> n.vlan;
                    default -> n.description;
                }), InventoryRepresentation::network).iterator(), w)))));
        router.get("networks/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlNetworkWriter.writeOne(InventoryRepresentation.network(find(estate.networks, p)), w)))));
        router.get("vnicprofiles", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlVnicProfileWriter.writeMany(map(Listing.select(r, values(estate.vnicProfiles), NAME_FIELDS,
                        (v, f) -> "id".equals(f) ? v.id : "name".equals(f) ? v.name : null),
                        InventoryRepresentation::vnicProfile).iterator(), w)))));
        router.get("vnicprofiles/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlVnicProfileWriter.writeOne(InventoryRepresentation.vnicProfile(find(estate.vnicProfiles, p)), w)))));
        router.get("disks", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w -> XmlDiskWriter.writeMany(
                map(Listing.select(r, values(estate.disks), Set.of("name", "alias", "id", "status"), (d, f) -> switch (f) {
                    case "id" -> d.id;
                    case "status" -> d.status;
                    default -> d.alias;
                }), d -> VmRepresentation.diskBuilder(d).build()).iterator(), w)))));
        router.get("disks/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlDiskWriter.writeOne(VmRepresentation.diskBuilder(find(estate.disks, p)).build(), w)))));
        new DirectoryResources(engine).register(router);
        new PermissionResources(engine, permissions).register(router);
        new JobEventResources(engine).register(router);
    }

    private ApiResponse entryPoint() {
        long hostsUp = estate.hosts.values().stream().filter(h -> "up".equals(h.status)).count();
        long vmsUp = estate.vms.values().stream().filter(v -> "up".equals(v.status)).count();
        long domainsActive = estate.storageDomains.values().stream().filter(s -> "active".equals(s.status)).count();
        ApiBuilder api = new ApiBuilder()
                .productInfo(new ProductInfoBuilder().name("oVirt Engine").vendor("ovirt.org")
                        .instanceId(estate.siteName)
                        .version(new VersionBuilder().major(4).minor(4).build(10).revision(7)
                                .fullVersion("4.4.10.7-1.el8")))
                .specialObjects(new SpecialObjectsBuilder()
                        .blankTemplate(new TemplateBuilder().id("00000000-0000-0000-0000-000000000000")
                                .href(Hrefs.of("templates", "00000000-0000-0000-0000-000000000000")))
                        .rootTag(new TagBuilder().id("00000000-0000-0000-0000-000000000000")
                                .href(Hrefs.of("tags", "00000000-0000-0000-0000-000000000000"))))
                .summary(new ApiSummaryBuilder()
                        .hosts(new ApiSummaryItemBuilder().active(hostsUp).total(estate.hosts.size()))
                        .storageDomains(new ApiSummaryItemBuilder().active(domainsActive)
                                .total(estate.storageDomains.size()))
                        .users(new ApiSummaryItemBuilder().active(estate.users.size()).total(estate.users.size()))
                        .vms(new ApiSummaryItemBuilder().active(vmsUp).total(estate.vms.size())))
                .time(Dates.of(engine.now()));
        return ApiResponse.ok(Xml.write(w -> XmlApiWriter.writeOne(api.build(), w)));
    }

    private Object dataCenterField(DataCenterEntity dc, String field) {
        return switch (field) {
            case "name" -> dc.name;
            case "id" -> dc.id;
            case "status" -> dc.status;
            case "clusters.name", "cluster.name" -> estate.clusters.values().stream()
                    .filter(c -> dc.id.equals(c.dataCenterId)).map(c -> c.name).toList();
            case "storage.name" -> estate.storageDomains.values().stream()
                    .filter(d -> dc.id.equals(d.dataCenterId)).map(d -> d.name).toList();
            default -> dc.description;
        };
    }

    private Object clusterField(ClusterEntity cluster, String field) {
        return switch (field) {
            case "name" -> cluster.name;
            case "id" -> cluster.id;
            case "datacenter" -> estate.dataCenters.get(cluster.dataCenterId).name;
            default -> cluster.description;
        };
    }

    private Object hostField(HostEntity host, String field) {
        return switch (field) {
            case "name" -> host.name;
            case "id" -> host.id;
            case "status" -> host.status;
            case "address" -> host.address;
            default -> estate.clusters.get(host.clusterId).name;
        };
    }

    static <T> List<T> values(Map<String, T> map) {
        return new ArrayList<>(map.values());
    }

    static <T, R> List<R> map(List<T> items, Function<T, R> mapper) {
        List<R> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(mapper.apply(item)));
        return out;
    }

    static <T> T find(Map<String, T> map, Map<String, String> params) {
        T found = map.get(params.get("id"));
        if (found == null) {
            throw EngineFault.notFound();
        }
        return found;
    }
}
