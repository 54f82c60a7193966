package io.vdibot.core.directory;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person as the directory describes them.
 *
 * @param uid login name, the stable key the bot records as requester and approver
 * @param displayName name to show in chat
 * @param mail mail address, empty string when the directory has none
 * @param groups names (not DNs) of the groups the user belongs to under the configured group search base; a group
 *               of the same name elsewhere in the directory is not one of them
 * @param zone the user's time zone, used to read and show times; empty when unknown
 * @param locale the user's preferred language, used to pick the reply language; empty when unknown
 * @param groupDns normalized DNs of every group the user belongs to, wherever it is: what a group mapped by its
 *                 full DN is matched against
 * @param dn the user's entry, empty when not known (a user made up in a test): what a chat identity is bound to
 */
public record DirectoryUser(
        String uid,
        String displayName,
        String mail,
        Set<String> groups,
        Optional<ZoneId> zone,
        Optional<Locale> locale,
        Set<String> groupDns,
        String dn) {

    public DirectoryUser {
        Objects.requireNonNull(uid, "uid");
        if (uid.isBlank()) {
            throw new IllegalArgumentException("uid must not be blank");
        }
        displayName = displayName == null || displayName.isBlank() ? uid : displayName;
        mail = mail == null ? "" : mail;
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        zone = zone == null ? Optional.empty() : zone;
        locale = locale == null ? Optional.empty() : locale;
        groupDns = groupDns == null ? Set.of() : Set.copyOf(groupDns);
        dn = dn == null ? "" : dn;
    }

    /** A user whose groups are known by name only. */
    public DirectoryUser(String uid, String displayName, String mail, Set<String> groups, Optional<ZoneId> zone,
            Optional<Locale> locale) {
        this(uid, displayName, mail, groups, zone, locale, Set.of(), "");
    }

    /** True when the user belongs to {@code group}; group names compare case-insensitively, as LDAP does. */
    public boolean isMemberOf(String group) {
        return group != null && groups.stream().anyMatch(group::equalsIgnoreCase);
    }
}
