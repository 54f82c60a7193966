package io.vdibot.rhev.inventory;

/**
 * A role granted on one object to a user or to a group (exactly one of the two is set).
 *
 * @param roleId the role; {@link RoleInfo#administrative()} tells an administrator's grant from a user's
 */
public record PermissionInfo(String id, String roleId, String userId, String groupId) {

    public boolean toUser() {
        return userId != null;
    }
}
