package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.PermissionOperations;
import io.vdibot.rhev.simulator.engine.Ref;
import io.vdibot.rhev.simulator.http.ApiRequest;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.EventEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.GroupEntity;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.UserEntity;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.ovirt.engine.sdk4.internal.xml.XmlDomainWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlEventWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlGroupWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlHostWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlJobWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlNetworkWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlPermissionReader;
import org.ovirt.engine.sdk4.internal.xml.XmlPermissionWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlRoleWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlStepWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlUserWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlVnicProfileWriter;
import org.ovirt.engine.sdk4.types.Permission;

/**
 * The read-mostly parts of the API: the entry point, data centers, clusters, hosts, networks,
 * directory objects, roles, permissions on any object, jobs and events.
 */
public final class InventoryResources {

    private static final Set<String> NAME_FIELDS = Set.of("name", "id", "description");
    private static final Set<String> HOST_FIELDS = Set.of("name", "id", "status", "cluster", "address");
    private static final Set<String> CLUSTER_FIELDS = Set.of("name", "id", "description", "datacenter");
    private static final Set<String> USER_FIELDS = Set.of("name", "usrname", "id", "email");
    private static final Set<String> JOB_FIELDS = Set.of("correlation_id");
    private static final Set<String> EVENT_FIELDS = Set.of("type", "severity", "message", "correlation_id",
            "event_vm", "event_template", "event_storage", "event_datacenter");
    /** Sub-collections {@code /{collection}/{id}/permissions} and the object type their grants apply to. */
    private static final Map<String, String> PERMISSION_OWNERS = Map.of(
            "vms", "vm", "vmpools", "vm_pool", "templates", "template", "clusters", "cluster",
            "datacenters", "data_center", "storagedomains", "storage_domain");

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
                .writeMany(map(Listing.select(r, values(estate.dataCenters), NAME_FIELDS, (dc, f) -> switch (f) {
                    case "name" -> dc.name;
                    case "id" -> dc.id;
                    default -> dc.description;
                }), InventoryRepresentation::dataCenter).iterator(), w)))));
        router.get("datacenters/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlDataCenterWriter.writeOne(InventoryRepresentation.dataCenter(find(estate.dataCenters, p)), w)))));
        router.get("clusters", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w -> XmlClusterWriter
                .writeMany(map(Listing.select(r, values(estate.clusters), CLUSTER_FIELDS, this::clusterField),
                        InventoryRepresentation::cluster).iterator(), w)))));
        router.get("clusters/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlClusterWriter.writeOne(InventoryRepresentation.cluster(find(estate.clusters, p)), w)))));
        router.get("hosts", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w -> XmlHostWriter
                .writeMany(map(Listing.select(r, values(estate.hosts), HOST_FIELDS, this::hostField),
                        InventoryRepresentation::host).iterator(), w)))));
        router.get("hosts/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlHostWriter.writeOne(InventoryRepresentation.host(find(estate.hosts, p)), w)))));
        router.get("networks", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w -> XmlNetworkWriter
                .writeMany(map(Listing.select(r, values(estate.networks), NAME_FIELDS, (n, f) -> switch (f) {
                    case "name" -> n.name;
                    case "id" -> n.id;
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
        registerDirectory(router);
        registerPermissions(router);
        registerJobsAndEvents(router);
    }

    private void registerDirectory(Router router) {
        router.get("domains", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w -> XmlDomainWriter.writeMany(
                map(Listing.select(r, values(estate.domains), NAME_FIELDS,
                        (d, f) -> "id".equals(f) ? d.id : "name".equals(f) ? d.name : null),
                        InventoryRepresentation::domain).iterator(), w)))));
        router.get("domains/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlDomainWriter.writeOne(InventoryRepresentation.domain(find(estate.domains, p)), w)))));
        router.get("domains/{id}/users", (r, p) -> engine.read(() -> {
            find(estate.domains, p);
            return users(r, values(estate.users).stream().filter(u -> u.domainId.equals(p.get("id"))).toList());
        }));
        router.get("domains/{id}/groups", (r, p) -> engine.read(() -> {
            find(estate.domains, p);
            return groups(r, values(estate.groups).stream().filter(g -> g.domainId.equals(p.get("id"))).toList());
        }));
        router.get("users", (r, p) -> engine.read(() -> users(r, values(estate.users))));
        router.get("users/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlUserWriter.writeOne(InventoryRepresentation.user(find(estate.users, p)), w)))));
        router.get("groups", (r, p) -> engine.read(() -> groups(r, values(estate.groups))));
        router.get("groups/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlGroupWriter.writeOne(InventoryRepresentation.group(find(estate.groups, p)), w)))));
        router.get("roles", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w -> XmlRoleWriter.writeMany(
                map(Listing.select(r, values(estate.roles), NAME_FIELDS, (role, f) -> switch (f) {
                    case "id" -> role.id;
                    case "name" -> role.name;
                    default -> role.description;
                }), InventoryRepresentation::role).iterator(), w)))));
        router.get("roles/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlRoleWriter.writeOne(InventoryRepresentation.role(find(estate.roles, p)), w)))));
    }

    private ApiResponse users(ApiRequest request, List<UserEntity> users) {
        List<UserEntity> selected = Listing.select(request, users, USER_FIELDS, (u, f) -> switch (f) {
            case "id" -> u.id;
            case "email" -> u.email;
            case "usrname" -> u.userName;
            default -> u.principal;
        });
        return ApiResponse.ok(Xml.write(w -> XmlUserWriter.writeMany(
                map(selected, InventoryRepresentation::user).iterator(), w)));
    }

    private ApiResponse groups(ApiRequest request, List<GroupEntity> groups) {
        List<GroupEntity> selected = Listing.select(request, groups, NAME_FIELDS, (g, f) -> switch (f) {
            case "id" -> g.id;
            default -> g.name;
        });
        return ApiResponse.ok(Xml.write(w -> XmlGroupWriter.writeMany(
                map(selected, InventoryRepresentation::group).iterator(), w)));
    }

    private void registerPermissions(Router router) {
        router.get("permissions", (r, p) -> engine.read(() -> permissionList(
                permissions.on("system", "system"))));
        router.get("users/{id}/permissions", (r, p) -> engine.read(() -> {
            find(estate.users, p);
            return permissionList(permissions.of(p.get("id"), null));
        }));
        router.get("groups/{id}/permissions", (r, p) -> engine.read(() -> {
            find(estate.groups, p);
            return permissionList(permissions.of(null, p.get("id")));
        }));
        PERMISSION_OWNERS.forEach((collection, objectType) -> {
            String base = collection + "/{id}/permissions";
            router.get(base, (r, p) -> engine.read(() -> {
                requireObject(objectType, p.get("id"));
                return permissionList(permissions.on(objectType, p.get("id")));
            }));
            router.get(base + "/{permission}", (r, p) -> engine.read(() -> {
                PermissionEntity permission = estate.permissions.get(p.get("permission"));
                if (permission == null || !permission.objectId.equals(p.get("id"))) {
                    throw EngineFault.notFound();
                }
                return ApiResponse.ok(Xml.write(w ->
                        XmlPermissionWriter.writeOne(InventoryRepresentation.permission(permission), w)));
            }));
            router.post(base, (r, p) -> {
                Permission body = Xml.read(r.body(), XmlPermissionReader::readOne);
                if (body.role() == null || (body.role().id() == null && body.role().name() == null)) {
                    throw EngineFault.incomplete("Permission", "role.id|name", "add");
                }
                String userId = body.user() == null ? null : body.user().id();
                String groupId = body.group() == null ? null : body.group().id();
                if (userId == null && groupId == null) {
                    throw EngineFault.incomplete("Permission", "user|group.id", "add");
                }
                return engine.write(() -> {
                    requireObject(objectType, p.get("id"));
                    PermissionEntity added = permissions.add(r.call(), objectType, p.get("id"),
                            new Ref(body.role().id(), body.role().name()), userId, groupId);
                    return ApiResponse.of(201, Xml.write(w ->
                            XmlPermissionWriter.writeOne(InventoryRepresentation.permission(added), w)))
                            .withHeader("Location", Hrefs.of("permissions", added.id));
                });
            });
            router.delete(base + "/{permission}", (r, p) -> engine.write(() -> {
                requireObject(objectType, p.get("id"));
                permissions.remove(r.call(), p.get("permission"));
                return ApiResponse.ok(new byte[0]);
            }));
        });
    }

    private ApiResponse permissionList(List<PermissionEntity> list) {
        return ApiResponse.ok(Xml.write(w -> XmlPermissionWriter.writeMany(
                map(list, InventoryRepresentation::permission).iterator(), w)));
    }

    private void requireObject(String objectType, String id) {
        Map<String, ?> owners = switch (objectType) {
            case "vm" -> estate.vms;
            case "vm_pool" -> estate.pools;
            case "template" -> estate.templates;
            case "cluster" -> estate.clusters;
            case "data_center" -> estate.dataCenters;
            default -> estate.storageDomains;
        };
        if (!owners.containsKey(id)) {
            throw EngineFault.notFound();
        }
    }

    private void registerJobsAndEvents(Router router) {
        router.get("jobs", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w -> XmlJobWriter.writeMany(
                map(Listing.select(r, values(estate.jobs), JOB_FIELDS, (j, f) -> j.correlationId),
                        InventoryRepresentation::job).iterator(), w)))));
        router.get("jobs/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlJobWriter.writeOne(InventoryRepresentation.job(find(estate.jobs, p)), w)))));
        router.get("jobs/{id}/steps", (r, p) -> engine.read(() -> {
            JobEntity job = find(estate.jobs, p);
            return ApiResponse.ok(Xml.write(w -> XmlStepWriter.writeMany(
                    map(job.steps, s -> InventoryRepresentation.step(job, s)).iterator(), w)));
        }));
        router.get("events/{id}", (r, p) -> engine.read(() -> {
            EventEntity event = estate.events.stream().filter(e -> Long.toString(e.index).equals(p.get("id")))
                    .findFirst().orElseThrow(EngineFault::notFound);
            return ApiResponse.ok(Xml.write(w -> XmlEventWriter.writeOne(InventoryRepresentation.event(event), w)));
        }));
        router.get("events", (r, p) -> engine.read(() -> {
            long from = r.param("from").map(InventoryResources::eventIndex).orElse(0L);
            List<EventEntity> newestFirst = new ArrayList<>(estate.events.stream().filter(e -> e.index > from).toList());
            newestFirst.sort(Comparator.comparingLong((EventEntity e) -> e.index).reversed());
            List<EventEntity> selected = Listing.select(r, newestFirst, EVENT_FIELDS, this::eventField);
            return ApiResponse.ok(Xml.write(w -> XmlEventWriter.writeMany(
                    map(selected, InventoryRepresentation::event).iterator(), w)));
        }));
    }

    private static long eventIndex(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new EngineFault(400, "Invalid value", "Value '" + value + "' of parameter 'from' is not a valid integer");
        }
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

    private Object eventField(EventEntity event, String field) {
        return switch (field) {
            case "type" -> event.code;
            case "severity" -> event.severity;
            case "message" -> event.description;
            case "correlation_id" -> event.correlationId;
            case "event_vm" -> event.vmId == null ? null : nameOf(estate.vms.get(event.vmId));
            case "event_template" -> event.templateId == null ? null
                    : java.util.Optional.ofNullable(estate.templates.get(event.templateId)).map(t -> t.name).orElse(null);
            case "event_storage" -> event.storageDomainId == null ? null
                    : java.util.Optional.ofNullable(estate.storageDomains.get(event.storageDomainId))
                            .map(s -> s.name).orElse(null);
            default -> event.dataCenterId == null ? null
                    : java.util.Optional.ofNullable(estate.dataCenters.get(event.dataCenterId)).map(d -> d.name)
                            .orElse(null);
        };
    }

    private static String nameOf(io.vdibot.rhev.simulator.model.VmEntity vm) {
        return vm == null ? null : vm.name;
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
