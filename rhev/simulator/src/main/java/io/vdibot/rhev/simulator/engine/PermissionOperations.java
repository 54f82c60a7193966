package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.RoleEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.List;
import java.util.Optional;

/** Role grants on objects, with AddPermission's rules: known role, known principal, no duplicates. */
public final class PermissionOperations {

    private final Engine engine;
    private final Estate estate;

    public PermissionOperations(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
    }

    public List<PermissionEntity> on(String objectType, String objectId) {
        return estate.permissions.values().stream()
                .filter(p -> p.objectType.equals(objectType) && p.objectId.equals(objectId)).toList();
    }

    public List<PermissionEntity> of(String userId, String groupId) {
        return estate.permissions.values().stream()
                .filter(p -> (userId != null && userId.equals(p.userId)) || (groupId != null && groupId.equals(p.groupId)))
                .toList();
    }

    /** Grants {@code role} to a user or group on an object; an identical grant returns the existing one. */
    public PermissionEntity add(Call call, String objectType, String objectId, Ref role, String userId,
            String groupId) {
        RoleEntity resolvedRole = resolveRole(role)
                .orElseThrow(() -> EngineFault.badRequest(EngineMessages.invalidRole()));
        if (userId != null && !estate.users.containsKey(userId)) {
            throw EngineFault.entityNotFound("User: id=" + userId);
        }
        if (groupId != null && !estate.groups.containsKey(groupId)) {
            throw EngineFault.entityNotFound("Group: id=" + groupId);
        }
        if ("vm".equals(objectType)) {
            VmEntity vm = estate.vms.get(objectId);
            if (vm != null && vm.poolId != null) {
                throw EngineFault.badRequest(EngineMessages.permissionOnPoolVm());
            }
        }
        Optional<PermissionEntity> existing = estate.permissions.values().stream()
                .filter(p -> p.objectType.equals(objectType) && p.objectId.equals(objectId)
                        && p.roleId.equals(resolvedRole.id)
                        && java.util.Objects.equals(p.userId, userId) && java.util.Objects.equals(p.groupId, groupId))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        PermissionEntity permission = new PermissionEntity();
        permission.id = engine.newId();
        permission.roleId = resolvedRole.id;
        permission.userId = userId;
        permission.groupId = groupId;
        permission.objectType = objectType;
        permission.objectId = objectId;
        estate.permissions.put(permission.id, permission);
        String principal = userId != null ? estate.users.get(userId).userName : estate.groups.get(groupId).name;
        engine.event(850, "normal", "User/Group " + principal + " was granted permission for Role "
                + resolvedRole.name + " on " + objectType + " by " + call.userName() + ".",
                call.correlationId(), e -> e.userId = userId);
        return permission;
    }

    public void remove(Call call, String permissionId) {
        PermissionEntity permission = estate.permissions.remove(permissionId);
        if (permission == null) {
            throw EngineFault.notFound();
        }
        engine.event(851, "normal", "User/Group was removed permission for Role "
                + estate.roles.get(permission.roleId).name + " by " + call.userName() + ".",
                call.correlationId(), e -> e.userId = permission.userId);
    }

    public Optional<RoleEntity> resolveRole(Ref role) {
        if (role.id() != null && estate.roles.containsKey(role.id())) {
            return Optional.of(estate.roles.get(role.id()));
        }
        return estate.roles.values().stream().filter(r -> r.name.equals(role.name())).findFirst();
    }
}
