package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.InfrastructureOperations;
import io.vdibot.rhev.simulator.engine.PermissionOperations;
import io.vdibot.rhev.simulator.engine.Ref;
import io.vdibot.rhev.simulator.http.ApiRequest;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.GroupEntity;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.Estate;
import org.ovirt.engine.sdk4.internal.xml.XmlClusterReader;
import org.ovirt.engine.sdk4.internal.xml.XmlClusterWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlDataCenterReader;
import org.ovirt.engine.sdk4.internal.xml.XmlDataCenterWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlGroupReader;
import org.ovirt.engine.sdk4.internal.xml.XmlGroupWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlPermissionReader;
import org.ovirt.engine.sdk4.internal.xml.XmlPermissionWriter;
import org.ovirt.engine.sdk4.types.Cluster;
import org.ovirt.engine.sdk4.types.DataCenter;
import org.ovirt.engine.sdk4.types.Group;
import org.ovirt.engine.sdk4.types.Permission;

/**
 * Writes of data centers, clusters, groups and permissions that hold on the whole system or that a
 * user's or group's own {@code permissions} collection adds (the object named in the body).
 */
final class InfrastructureWriteResources {

    private final Engine engine;
    private final Estate estate;
    private final InfrastructureOperations operations;
    private final PermissionOperations permissions;

    InfrastructureWriteResources(Engine engine, PermissionOperations permissions) {
        this.engine = engine;
        this.estate = engine.estate();
        this.operations = new InfrastructureOperations(engine);
        this.permissions = permissions;
    }

    void register(Router router) {
        router.post("datacenters", (r, p) -> {
            InfrastructureOperations.Change change = change(Xml.read(r.body(), XmlDataCenterReader::readOne));
            return engine.write(() -> created(dataCenterXml(operations.addDataCenter(r.call(), change))));
        }).put("datacenters/{id}", (r, p) -> {
            InfrastructureOperations.Change change = change(Xml.read(r.body(), XmlDataCenterReader::readOne));
            return engine.write(() -> ApiResponse.ok(dataCenterXml(
                    operations.updateDataCenter(r.call(), p.get("id"), change))));
        }).post("clusters", (r, p) -> {
            InfrastructureOperations.Change change = change(Xml.read(r.body(), XmlClusterReader::readOne));
            return engine.write(() -> created(clusterXml(operations.addCluster(r.call(), change))));
        }).put("clusters/{id}", (r, p) -> {
            InfrastructureOperations.Change change = change(Xml.read(r.body(), XmlClusterReader::readOne));
            return engine.write(() -> ApiResponse.ok(clusterXml(operations.updateCluster(r.call(), p.get("id"), change))));
        }).post("groups", (r, p) -> {
            Group body = Xml.read(r.body(), XmlGroupReader::readOne);
            Ref domain = body.domain() == null ? null : new Ref(body.domain().id(), body.domain().name());
            return engine.write(() -> {
                GroupEntity group = operations.addGroup(r.call(), body.name(), domain);
                return created(Xml.write(w -> XmlGroupWriter.writeOne(InventoryRepresentation.group(group), w)));
            });
        }).post("permissions", (r, p) -> addPermission(r, "system", "system", null, null))
                .post("users/{id}/permissions", (r, p) -> addPrincipalPermission(r, p.get("id"), null))
                .post("groups/{id}/permissions", (r, p) -> addPrincipalPermission(r, null, p.get("id")));
    }

    private ApiResponse addPrincipalPermission(ApiRequest request, String userId, String groupId) {
        Permission body = Xml.read(request.body(), XmlPermissionReader::readOne);
        String[] object = objectOf(body);
        return addPermission(request, object[0], object[1], userId, groupId);
    }

    /** The object a permission added below a user or group is on: the one reference its body carries. */
    private static String[] objectOf(Permission body) {
        if (body.dataCenter() != null) {
            return new String[] {"data_center", body.dataCenter().id()};
        }
        if (body.cluster() != null) {
            return new String[] {"cluster", body.cluster().id()};
        }
        if (body.vm() != null) {
            return new String[] {"vm", body.vm().id()};
        }
        if (body.vmPool() != null) {
            return new String[] {"vm_pool", body.vmPool().id()};
        }
        if (body.template() != null) {
            return new String[] {"template", body.template().id()};
        }
        if (body.storageDomain() != null) {
            return new String[] {"storage_domain", body.storageDomain().id()};
        }
        return new String[] {"system", "system"};
    }

    private ApiResponse addPermission(ApiRequest request, String objectType, String objectId, String userId,
            String groupId) {
        Permission body = Xml.read(request.body(), XmlPermissionReader::readOne);
        if (body.role() == null || (body.role().id() == null && body.role().name() == null)) {
            throw EngineFault.incomplete("Permission", "role.id|name", "add");
        }
        String user = userId != null ? userId : body.user() == null ? null : body.user().id();
        String group = groupId != null ? groupId : body.group() == null ? null : body.group().id();
        if (user == null && group == null) {
            throw EngineFault.incomplete("Permission", "user|group.id", "add");
        }
        return engine.write(() -> {
            if (!"system".equals(objectType) && objectId == null) {
                throw EngineFault.incomplete("Permission", objectType + ".id", "add");
            }
            PermissionEntity added = permissions.add(request.call(), objectType, objectId,
                    new Ref(body.role().id(), body.role().name()), user, group);
            return created(Xml.write(w ->
                    XmlPermissionWriter.writeOne(InventoryRepresentation.permission(added), w)));
        });
    }

    private byte[] dataCenterXml(DataCenterEntity dc) {
        DataCenter out = InfrastructureRepresentation.dataCenter(dc);
        return Xml.writeLinked(InfrastructureResources.LINKS, w -> XmlDataCenterWriter.writeOne(out, w));
    }

    private byte[] clusterXml(ClusterEntity cluster) {
        Cluster out = InfrastructureRepresentation.cluster(cluster, estate.dataCenters.get(cluster.dataCenterId));
        return Xml.writeLinked(InfrastructureResources.LINKS, w -> XmlClusterWriter.writeOne(out, w));
    }

    private static ApiResponse created(byte[] xml) {
        return ApiResponse.of(201, xml);
    }

    private static InfrastructureOperations.Change change(DataCenter body) {
        return new InfrastructureOperations.Change(body.name(), body.description(),
                body.version() != null && body.version().majorPresent() ? body.version().majorAsInteger() : null,
                body.version() != null && body.version().minorPresent() ? body.version().minorAsInteger() : null,
                null, null, null);
    }

    private static InfrastructureOperations.Change change(Cluster body) {
        Ref dc = body.dataCenter() == null ? null : new Ref(body.dataCenter().id(), body.dataCenter().name());
        Integer overCommit = body.memoryPolicy() != null && body.memoryPolicy().overCommit() != null
                && body.memoryPolicy().overCommit().percentPresent()
                ? body.memoryPolicy().overCommit().percentAsInteger() : null;
        return new InfrastructureOperations.Change(body.name(), body.description(),
                body.version() != null && body.version().majorPresent() ? body.version().majorAsInteger() : null,
                body.version() != null && body.version().minorPresent() ? body.version().minorAsInteger() : null,
                dc, body.cpu() == null ? null : body.cpu().type(), overCommit);
    }
}
