package io.vdibot.rhev.simulator.api;

import static io.vdibot.rhev.simulator.api.InventoryResources.find;
import static io.vdibot.rhev.simulator.api.InventoryResources.map;
import static io.vdibot.rhev.simulator.api.InventoryResources.values;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.HostMemory;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.NetworkEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.CpuProfileBuilder;
import org.ovirt.engine.sdk4.builders.DataCenterBuilder;
import org.ovirt.engine.sdk4.builders.QuotaBuilder;
import org.ovirt.api.metamodel.runtime.xml.XmlWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlClusterWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlCpuProfileWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlDataCenterWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlHostWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlNetworkWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlQuotaWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlVnicProfileWriter;
import org.ovirt.engine.sdk4.types.Cluster;
import org.ovirt.engine.sdk4.types.CpuProfile;
import org.ovirt.engine.sdk4.types.Host;
import org.ovirt.engine.sdk4.types.Network;
import org.ovirt.engine.sdk4.types.Quota;

/**
 * {@code /datacenters}, {@code /clusters}, {@code /hosts}, {@code /networks}, {@code /vnicprofiles}
 * and the sub-collections their representations link (read side).
 */
final class InfrastructureResources {

    static final Map<String, List<String>> LINKS = Map.of(
            "data_center", List.of("clusters", "iscsibonds", "networks", "permissions", "qoss", "quotas",
                    "storagedomains"),
            "cluster", List.of("affinitygroups", "cpuprofiles", "enabledfeatures", "externalnetworkproviders",
                    "glusterhooks", "glustervolumes", "networkfilters", "networks", "permissions"),
            "host", List.of("affinitylabels", "agents", "devices", "externalnetworkproviderconfigurations", "hooks",
                    "katelloerrata", "networkattachments", "nics", "numanodes", "permissions", "statistics",
                    "storageconnectionextensions", "tags", "unmanagednetworks"),
            "network", List.of("networklabels", "permissions", "vnicprofiles"),
            "vnic_profile", List.of("permissions"));
    private static final Set<String> DATA_CENTER_FIELDS = Set.of("name", "id", "description", "status",
            "clusters.name", "cluster.name", "storage.name");
    private static final Set<String> CLUSTER_FIELDS = Set.of("name", "id", "description", "datacenter");
    private static final Set<String> HOST_FIELDS = Set.of("name", "id", "status", "cluster", "address");
    private static final Set<String> NETWORK_FIELDS = Set.of("name", "id", "description", "datacenter", "vlanid");

    private final Engine engine;
    private final Estate estate;

    InfrastructureResources(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
    }

    void register(Router router) {
        router.get("datacenters", (r, p) -> engine.read(() -> ok(XmlDataCenterWriter::writeMany,
                map(Listing.select(r, values(estate.dataCenters), DATA_CENTER_FIELDS, this::dataCenterField),
                        InfrastructureRepresentation::dataCenter))));
        router.get("datacenters/{id}", (r, p) -> engine.read(() -> one(XmlDataCenterWriter::writeOne,
                InfrastructureRepresentation.dataCenter(find(estate.dataCenters, p)))));
        router.get("datacenters/{id}/clusters", (r, p) -> engine.read(() -> {
            DataCenterEntity dc = find(estate.dataCenters, p);
            return ok(XmlClusterWriter::writeMany, map(values(estate.clusters).stream()
                    .filter(c -> dc.id.equals(c.dataCenterId)).toList(), this::cluster));
        }));
        router.get("datacenters/{id}/networks", (r, p) -> engine.read(() -> {
            DataCenterEntity dc = find(estate.dataCenters, p);
            return ok(XmlNetworkWriter::writeMany, networksOf(dc.id));
        }));
        router.get("datacenters/{id}/quotas", (r, p) -> engine.read(() -> {
            DataCenterEntity dc = find(estate.dataCenters, p);
            return ok(XmlQuotaWriter::writeMany, List.of(defaultQuota(dc.id)));
        }));
        router.get("clusters", (r, p) -> engine.read(() -> ok(XmlClusterWriter::writeMany,
                map(Listing.select(r, values(estate.clusters), CLUSTER_FIELDS, this::clusterField), this::cluster))));
        router.get("clusters/{id}", (r, p) -> engine.read(() -> one(XmlClusterWriter::writeOne,
                cluster(find(estate.clusters, p)))));
        router.get("clusters/{id}/networks", (r, p) -> engine.read(() ->
                ok(XmlNetworkWriter::writeMany, networksOf(find(estate.clusters, p).dataCenterId))));
        router.get("clusters/{id}/cpuprofiles", (r, p) -> engine.read(() -> {
            ClusterEntity cluster = find(estate.clusters, p);
            return ok(XmlCpuProfileWriter::writeMany, List.of(cpuProfile(cluster)));
        }));
        router.get("hosts", (r, p) -> engine.read(() -> ok(XmlHostWriter::writeMany,
                hosts(Listing.select(r, values(estate.hosts), HOST_FIELDS, this::hostField)))));
        router.get("hosts/{id}", (r, p) -> engine.read(() -> one(XmlHostWriter::writeOne,
                hosts(List.of(find(estate.hosts, p))).get(0))));
        router.get("networks", (r, p) -> engine.read(() -> ok(XmlNetworkWriter::writeMany,
                map(Listing.select(r, values(estate.networks), NETWORK_FIELDS, this::networkField),
                        InfrastructureRepresentation::network))));
        router.get("networks/{id}", (r, p) -> engine.read(() -> one(XmlNetworkWriter::writeOne,
                InfrastructureRepresentation.network(find(estate.networks, p)))));
        router.get("networks/{id}/vnicprofiles", (r, p) -> engine.read(() -> {
            NetworkEntity network = find(estate.networks, p);
            return ok(XmlVnicProfileWriter::writeMany, map(values(estate.vnicProfiles).stream()
                    .filter(v -> network.id.equals(v.networkId)).toList(), InfrastructureRepresentation::vnicProfile));
        }));
        router.get("vnicprofiles", (r, p) -> engine.read(() -> ok(XmlVnicProfileWriter::writeMany,
                map(Listing.select(r, values(estate.vnicProfiles), InventoryResources.NAME_FIELDS,
                        (v, f) -> "id".equals(f) ? v.id : "name".equals(f) ? v.name : null),
                        InfrastructureRepresentation::vnicProfile))));
        router.get("vnicprofiles/{id}", (r, p) -> engine.read(() -> one(XmlVnicProfileWriter::writeOne,
                InfrastructureRepresentation.vnicProfile(find(estate.vnicProfiles, p)))));
        new EmptyCollections(engine, router)
                .serve("datacenters", estate.dataCenters::containsKey, "iscsibonds", "qoss")
                .serve("clusters", estate.clusters::containsKey, "affinitygroups", "enabledfeatures",
                        "externalnetworkproviders", "glusterhooks", "glustervolumes", "networkfilters")
                .serve("hosts", estate.hosts::containsKey, "affinitylabels", "agents", "devices",
                        "externalnetworkproviderconfigurations", "hooks", "katelloerrata", "networkattachments",
                        "nics", "numanodes", "permissions", "statistics", "storageconnectionextensions", "tags",
                        "unmanagednetworks")
                .serve("networks", estate.networks::containsKey, "networklabels", "permissions")
                .serve("vnicprofiles", estate.vnicProfiles::containsKey, "permissions");
    }

    @FunctionalInterface
    interface ManyWriter<T> {
        void write(Iterator<T> items, XmlWriter writer);
    }

    @FunctionalInterface
    interface OneWriter<T> {
        void write(T item, XmlWriter writer);
    }

    private static <T> ApiResponse ok(ManyWriter<T> writer, List<T> items) {
        return ApiResponse.ok(Xml.writeLinked(LINKS, w -> writer.write(items.iterator(), w)));
    }

    private static <T> ApiResponse one(OneWriter<T> writer, T item) {
        return ApiResponse.ok(Xml.writeLinked(LINKS, w -> writer.write(item, w)));
    }

    private List<Network> networksOf(String dataCenterId) {
        return map(values(estate.networks).stream().filter(n -> dataCenterId.equals(n.dataCenterId)).toList(),
                InfrastructureRepresentation::network);
    }

    private Cluster cluster(ClusterEntity cluster) {
        return InfrastructureRepresentation.cluster(cluster, estate.dataCenters.get(cluster.dataCenterId));
    }

    private List<Host> hosts(List<HostEntity> hosts) {
        Map<String, Long> committed = HostMemory.committedByHost(estate);
        Map<String, Integer> running = new HashMap<>();
        for (VmEntity vm : estate.vms.values()) {
            if (vm.hostId != null) {
                running.merge(vm.hostId, 1, Integer::sum);
            }
        }
        return map(hosts, host -> InfrastructureRepresentation.host(host, estate.clusters.get(host.clusterId),
                HostMemory.maxScheduling(estate, host, committed.getOrDefault(host.id, 0L)),
                running.getOrDefault(host.id, 0)));
    }

    static CpuProfile cpuProfile(ClusterEntity cluster) {
        return new CpuProfileBuilder().id(VmBaseValues.cpuProfile(cluster.id).id())
                .href(VmBaseValues.cpuProfile(cluster.id).href())
                .cluster(new ClusterBuilder().id(cluster.id).href(Hrefs.of("clusters", cluster.id))).build();
    }

    static Quota defaultQuota(String dataCenterId) {
        Quota ref = VmBaseValues.quota(dataCenterId);
        return new QuotaBuilder().id(ref.id()).href(ref.href()).name("Default")
                .description("Default unlimited quota")
                .dataCenter(new DataCenterBuilder().id(dataCenterId).href(Hrefs.of("datacenters", dataCenterId)))
                .build();
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

    private Object networkField(NetworkEntity n, String field) {
        return switch (field) {
            case "name" -> n.name;
            case "id" -> n.id;
            case "datacenter" -> estate.dataCenters.get(n.dataCenterId).name;
            case "vlanid" -> n.vlan;
            default -> n.description;
        };
    }
}
