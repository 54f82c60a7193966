package io.vdibot.core.directory;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;

/**
 * Turns directory entries into {@link DirectoryUser}s, tolerating the untidy data real directories hold:
 * a bad zone id or language tag leaves that setting empty rather than hiding the user.
 */
final class DirectoryUserMapper {

    private static final Logger log = LoggerFactory.getLogger(DirectoryUserMapper.class);
    private static final String COMMON_NAME = "cn";

    private final DirectoryProperties properties;

    DirectoryUserMapper(DirectoryProperties properties) {
        this.properties = properties;
    }

    /**
     * Attributes to request for a user. Listed explicitly because {@code memberOf} is operational on some
     * servers and would otherwise not be returned.
     */
    String[] userAttributes() {
        Set<String> names = new LinkedHashSet<>();
        names.add(properties.uidAttribute());
        names.add(properties.mailAttribute());
        names.add(properties.displayNameAttribute());
        names.add(COMMON_NAME);
        names.add(properties.memberOfAttribute());
        names.add(properties.timeZoneAttribute());
        names.add(properties.languageAttribute());
        return names.toArray(String[]::new);
    }

    /**
     * The user in {@code entry}, or empty when the entry has no login name (a nested group, a device).
     *
     * @param groupEntries name by DN of the groups under the group search base that list the user as a member
     */
    Optional<DirectoryUser> toUser(Entry entry, Map<String, String> groupEntries) {
        String uid = entry.getAttributeValue(properties.uidAttribute());
        if (uid == null || uid.isBlank()) {
            log.debug("Directory entry {} has no {} and is not treated as a user", entry.getDN(),
                    properties.uidAttribute());
            return Optional.empty();
        }
        Set<String> groups = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        groups.addAll(groupEntries.values());
        groups.addAll(groupNamesFromMemberOf(entry));
        Set<String> groupDns = new TreeSet<>();
        groupEntries.keySet().forEach(dn -> normalized(dn).ifPresent(groupDns::add));
        memberOf(entry).forEach(dn -> normalized(dn).ifPresent(groupDns::add));
        return Optional.of(new DirectoryUser(
                uid,
                displayName(entry),
                entry.getAttributeValue(properties.mailAttribute()),
                groups,
                parseZone(uid, entry.getAttributeValue(properties.timeZoneAttribute())),
                parseLocale(entry.getAttributeValue(properties.languageAttribute())),
                groupDns,
                entry.getDN()));
    }

    /**
     * Group names from an Active Directory style {@code memberOf}: the value of the RDN of each group DN under the
     * group search base. A group elsewhere is not named: anyone allowed to create a group in some other OU could
     * otherwise give it the name of a mapped group and so grant themselves its roles.
     */
    Set<String> groupNamesFromMemberOf(Entry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : memberOf(entry)) {
            if (underGroupBase(value)) {
                rdnValue(value).ifPresent(names::add);
            } else {
                log.debug("Group {} of {} is outside {} and counts by DN only", value, entry.getDN(),
                        properties.groupSearchBase());
            }
        }
        return names;
    }

    private List<String> memberOf(Entry entry) {
        String[] values = entry.getAttributeValues(properties.memberOfAttribute());
        return values == null ? List.of() : List.of(values);
    }

    private boolean underGroupBase(String dn) {
        try {
            return new DN(dn).isDescendantOf(new DN(properties.groupSearchBase()), false);
        } catch (LDAPException e) {
            return false;
        }
    }

    /** A DN in the form two spellings of it share ({@code CN=A, OU=B} and {@code cn=a,ou=b}). */
    static Optional<String> normalized(String dn) {
        try {
            return Optional.of(new DN(dn).toNormalizedString());
        } catch (LDAPException e) {
            log.debug("Ignoring malformed group DN {}", dn);
            return Optional.empty();
        }
    }

    /** The value of the first RDN of {@code dn}, e.g. {@code vdi-admins} for {@code cn=vdi-admins,ou=groups,…}. */
    static Optional<String> rdnValue(String dn) {
        try {
            RDN rdn = new DN(dn).getRDN();
            return rdn == null ? Optional.empty() : Optional.of(rdn.getAttributeValues()[0]);
        } catch (LDAPException e) {
            log.debug("Ignoring malformed group DN {}", dn);
            return Optional.empty();
        }
    }

    /**
     * Reads an RFC 2798 {@code preferredLanguage} value, which may be an Accept-Language style list
     * ({@code "zh-CN, en;q=0.8"}): the first entry wins.
     */
    static Optional<Locale> parseLocale(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String first = value.split(",", 2)[0].split(";", 2)[0].trim().replace('_', '-');
        Locale locale = Locale.forLanguageTag(first);
        return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale);
    }

    private static Optional<ZoneId> parseZone(String uid, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value.trim()));
        } catch (DateTimeException e) {
            log.warn("User {} has an unknown time zone '{}'; using none", uid, value);
            return Optional.empty();
        }
    }

    private String displayName(Entry entry) {
        String name = entry.getAttributeValue(properties.displayNameAttribute());
        return name == null || name.isBlank() ? entry.getAttributeValue(COMMON_NAME) : name;
    }
}
