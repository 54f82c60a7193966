package io.vdibot.core.permission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import io.vdibot.core.directory.DirectoryUser;

/**
 * Decides whether a directory user may perform a permission, deny by default: a user without roles may do
 * nothing, and a permission no role grants (including a malformed one) is refused.
 *
 * <p>The configuration is checked when the policy is built: a malformed pattern or a group mapped to a role
 * that grants nothing stops start-up instead of quietly locking people out or letting them in.
 */
public final class PermissionPolicy {

    private static final int MAX_REASON_TEXT = 120;
    /**
     * Granted to everyone the chat platform lets through, in the directory or not: the help says what the bot does
     * and names no object of the estate.
     */
    public static final Set<String> OPEN_TO_EVERYONE = Set.of("vdi:view:help");

    /** Roles of groups mapped by name: a group of that name under the directory's group search base. */
    private final Map<String, Set<String>> rolesByGroup;
    /** Roles of groups mapped by full DN ({@code cn=vdi-admins,ou=groups,dc=example,dc=com}), normalized. */
    private final Map<String, Set<String>> rolesByGroupDn;
    private final Map<String, List<PermissionPattern>> patternsByRole;

    public PermissionPolicy(PermissionProperties properties) {
        this.patternsByRole = parsePatterns(properties.rolePermissions());
        Map<String, Set<String>> all = mapGroups(properties.groupRoles(), patternsByRole.keySet());
        Map<String, Set<String>> byName = new LinkedHashMap<>();
        Map<String, Set<String>> byDn = new LinkedHashMap<>();
        all.forEach((group, roles) -> GroupDns.normalizedIfDn(group).ifPresentOrElse(
                dn -> byDn.merge(dn, roles, PermissionPolicy::union), () -> byName.put(group, roles)));
        this.rolesByGroup = Map.copyOf(byName);
        this.rolesByGroupDn = Map.copyOf(byDn);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.addAll(b);
        return Set.copyOf(both);
    }

    /** The user's roles, sorted; empty when none of their groups is mapped (or there is no user). */
    public Set<String> rolesOf(DirectoryUser user) {
        if (user == null) {
            return Collections.emptySortedSet();
        }
        SortedSet<String> roles = new TreeSet<>();
        for (String group : user.groups()) {
            roles.addAll(rolesByGroup.getOrDefault(group.toLowerCase(Locale.ROOT), Set.of()));
        }
        for (String groupDn : user.groupDns()) {
            roles.addAll(rolesByGroupDn.getOrDefault(groupDn, Set.of()));
        }
        return Collections.unmodifiableSortedSet(roles);
    }

    /**
     * The groups mapped by name whose roles grant {@code permission}, sorted (groups mapped by DN are left out: the
     * directory lists members of a group by its name).
     */
    public List<String> groupsGranting(String permission) {
        return rolesByGroup.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(role -> patternsByRole.get(role).stream()
                        .anyMatch(pattern -> pattern.matches(permission))))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The groups mapped by name that hold {@code role} (the on-call people's, for instance), sorted. */
    public List<String> groupsHolding(String role) {
        return rolesByGroup.entrySet().stream().filter(entry -> entry.getValue().contains(role))
                .map(Map.Entry::getKey).sorted().toList();
    }

    public boolean isAllowed(DirectoryUser user, String permission) {
        return check(user, permission).allowed();
    }

    /** The decision with its audit reason; show the user only {@link Decision#userMessageKey()}. */
    public Decision check(DirectoryUser user, String permission) {
        if (user == null) {
            return Decision.deny("no directory user for " + logSafe(permission));
        }
        String who = logSafe(user.uid());
        if (!PermissionPattern.isWellFormedPermission(permission)) {
            return Decision.deny(who + " asked for malformed permission '" + logSafe(permission) + "'");
        }
        if (OPEN_TO_EVERYONE.contains(permission)) {
            return Decision.allow(who + " may " + permission + ": open to everyone");
        }
        Set<String> roles = rolesOf(user);
        if (roles.isEmpty()) {
            return Decision.deny(who + " has no role (member of " + user.groups().size()
                    + " groups, none mapped) for " + permission);
        }
        for (String role : roles) {
            for (PermissionPattern pattern : patternsByRole.get(role)) {
                if (pattern.matches(permission)) {
                    return Decision.allow(who + " may " + permission + ": role " + role + " grants " + pattern);
                }
            }
        }
        return Decision.deny(who + " may not " + permission + ": no grant in roles " + roles);
    }

    private static Map<String, List<PermissionPattern>> parsePatterns(Map<String, List<String>> rolePermissions) {
        Map<String, List<PermissionPattern>> parsed = new LinkedHashMap<>();
        rolePermissions.forEach((role, patterns) -> {
            List<PermissionPattern> list = new ArrayList<>();
            for (String pattern : patterns) {
                try {
                    list.add(PermissionPattern.parse(pattern));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("vdibot.permissions.role-permissions." + role + ": "
                            + e.getMessage(), e);
                }
            }
            parsed.put(role.toLowerCase(Locale.ROOT), List.copyOf(list));
        });
        return Map.copyOf(parsed);
    }

    private static Map<String, Set<String>> mapGroups(Map<String, List<String>> groupRoles, Set<String> knownRoles) {
        Map<String, Set<String>> mapped = new LinkedHashMap<>();
        groupRoles.forEach((group, roles) -> {
            Set<String> lowerRoles = new TreeSet<>();
            for (String role : roles) {
                String lower = role.toLowerCase(Locale.ROOT);
                if (!knownRoles.contains(lower)) {
                    throw new IllegalArgumentException("vdibot.permissions.group-roles." + group
                            + " names role '" + role + "', which has no role-permissions entry");
                }
                lowerRoles.add(lower);
            }
            mapped.merge(group.toLowerCase(Locale.ROOT), lowerRoles, (a, b) -> {
                Set<String> both = new TreeSet<>(a);
                both.addAll(b);
                return both;
            });
        });
        mapped.replaceAll((group, roles) -> Set.copyOf(roles));
        return Map.copyOf(mapped);
    }

    /** Keeps audit text on one line and short, whatever a caller or directory passed in. */
    private static String logSafe(String text) {
        if (text == null) {
            return "<none>";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_REASON_TEXT));
        text.codePoints().limit(MAX_REASON_TEXT)
                .forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > MAX_REASON_TEXT ? safe + "…" : safe.toString();
    }
}
