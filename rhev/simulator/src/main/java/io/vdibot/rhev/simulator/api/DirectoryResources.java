package io.vdibot.rhev.simulator.api;

import static io.vdibot.rhev.simulator.api.InventoryResources.NAME_FIELDS;
import static io.vdibot.rhev.simulator.api.InventoryResources.find;
import static io.vdibot.rhev.simulator.api.InventoryResources.map;
import static io.vdibot.rhev.simulator.api.InventoryResources.values;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.http.ApiRequest;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.GroupEntity;
import io.vdibot.rhev.simulator.model.UserEntity;
import java.util.List;
import java.util.Set;
import org.ovirt.engine.sdk4.internal.xml.XmlDomainWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlGroupWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlRoleWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlUserWriter;

/**
 * The directory as the API shows it: authorization domains with their users and groups, users, groups
 * and roles.
 */
final class DirectoryResources {

    private static final Set<String> USER_FIELDS = Set.of("name", "usrname", "id", "email");

    private final Engine engine;
    private final Estate estate;

    DirectoryResources(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
    }

    void register(Router router) {
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
}
