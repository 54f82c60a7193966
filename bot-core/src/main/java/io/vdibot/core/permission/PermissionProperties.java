package io.vdibot.core.permission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which directory groups hold which roles, and what each role may do ({@code vdibot.permissions.*}).
 *
 * <p>{@code group-roles}: when configured it replaces the default mapping as a whole, so a site using its
 * own group names does not silently keep the demo ones. {@code role-permissions}: each configured role
 * replaces that role's default patterns; roles not mentioned keep theirs. Group and role names are
 * compared case-insensitively.
 *
 * <pre>
 * vdibot.permissions.group-roles.ad-vdi-users=requester
 * vdibot.permissions.group-roles.ad-vdi-leads=requester,approver
 * vdibot.permissions.role-permissions.viewer=vdi:view:inventory,vdi:view:tasks
 * </pre>
 *
 * @param groupRoles group name → roles it confers
 * @param rolePermissions role → permission patterns it grants
 */
@ConfigurationProperties("vdibot.permissions")
public record PermissionProperties(Map<String, List<String>> groupRoles, Map<String, List<String>> rolePermissions) {

    /** Groups of the demo directory, one role each. */
    public static final Map<String, List<String>> DEFAULT_GROUP_ROLES = Map.of(
            "vdi-requesters", List.of(Roles.REQUESTER),
            "vdi-approvers", List.of(Roles.APPROVER),
            "vdi-admins", List.of(Roles.ADMIN),
            "vdi-viewers", List.of(Roles.VIEWER),
            "vdi-oncall", List.of(Roles.ONCALL));

    private static final List<String> REQUESTER_PATTERNS = List.of(
            "vdi:view:*", "vdi:vm:*", "vdi:pool:*", "vdi:template:*", "vdi:task:cancel");

    /** Viewers and on-call people look; requesters act; approvers also approve; admins do anything. */
    public static final Map<String, List<String>> DEFAULT_ROLE_PERMISSIONS = Map.of(
            Roles.VIEWER, List.of("vdi:view:*"),
            Roles.ONCALL, List.of("vdi:view:*"),
            Roles.REQUESTER, REQUESTER_PATTERNS,
            Roles.APPROVER, concat(REQUESTER_PATTERNS, "vdi:task:approve"),
            Roles.ADMIN, List.of("vdi:*"));

    public PermissionProperties {
        groupRoles = groupRoles == null || groupRoles.isEmpty()
                ? DEFAULT_GROUP_ROLES
                : normalized(groupRoles);
        Map<String, List<String>> merged = new LinkedHashMap<>(DEFAULT_ROLE_PERMISSIONS);
        if (rolePermissions != null) {
            merged.putAll(normalized(rolePermissions));
        }
        rolePermissions = Map.copyOf(merged);
    }

    /** The default mapping and grants. */
    public static PermissionProperties defaults() {
        return new PermissionProperties(null, null);
    }

    /** Lower-case keys, trimmed values; entries that are blank are dropped rather than granted. */
    private static Map<String, List<String>> normalized(Map<String, List<String>> source) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        source.forEach((key, values) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("vdibot.permissions has an entry without a name");
            }
            List<String> cleaned = new ArrayList<>();
            if (values != null) {
                for (String value : values) {
                    if (value != null && !value.isBlank()) {
                        cleaned.add(value.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
            result.merge(key.trim().toLowerCase(Locale.ROOT), List.copyOf(cleaned), PermissionProperties::concat);
        });
        return Map.copyOf(result);
    }

    private static List<String> concat(List<String> first, String second) {
        return concat(first, List.of(second));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
