package io.vdibot.rhev.simulator.api;

import static io.vdibot.rhev.simulator.api.InventoryResources.find;
import static io.vdibot.rhev.simulator.api.InventoryResources.map;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.PermissionOperations;
import io.vdibot.rhev.simulator.engine.Ref;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import java.util.List;
import java.util.Map;
import org.ovirt.engine.sdk4.internal.xml.XmlPermissionReader;
import org.ovirt.engine.sdk4.internal.xml.XmlPermissionWriter;
import org.ovirt.engine.sdk4.types.Permission;

/**
 * Permissions: the system-wide list, those of a user or group, and the grants on each kind of object
 * ({@code /vms/{id}/permissions} and the like), which can be added and removed.
 */
final class PermissionResources {

    /** Sub-collections {@code /{collection}/{id}/permissions} and the object type their grants apply to. */
    private static final Map<String, String> PERMISSION_OWNERS = Map.of(
            "vms", "vm", "vmpools", "vm_pool", "templates", "template", "clusters", "cluster",
            "datacenters", "data_center", "storagedomains", "storage_domain");

    private final Engine engine;
    private final Estate estate;
    private final PermissionOperations permissions;

    PermissionResources(Engine engine, PermissionOperations permissions) {
        this.engine = engine;
        this.estate = engine.estate();
        this.permissions = permissions;
    }

    void register(Router router) {
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
}
