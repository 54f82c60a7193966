package io.vdibot.core.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;

/**
 * {@link Directory} over LDAP (OpenLDAP, 389 DS, Active Directory, the embedded demo server).
 *
 * <p>Group membership is read both ways and merged: groups under the group search base whose member
 * attribute names the user, and the user's own {@code memberOf} values where the server keeps them.
 * Nested groups are not expanded. Not cached: wrap it in a {@link CachingDirectory}.
 */
public final class LdapDirectory implements Directory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LdapDirectory.class);

    private final DirectoryProperties properties;
    private final LDAPConnectionPool pool;
    private final DirectoryUserMapper mapper;
    private final String[] userAttributes;
    /** A member entry's attributes: a user's, and its object classes to tell a nested group from a person. */
    private final String[] memberAttributes;
    /** Object classes of groups: Active Directory's, and the standard ones (RFC 4519, RFC 2307, dynamic groups). */
    private static final java.util.Set<String> GROUP_CLASSES = java.util.Set.of("group", "groupofnames",
            "groupofuniquenames", "posixgroup", "groupofurls");
    private final int timeLimitSeconds;

    /**
     * Does not need the directory to be up: if it is down now, that is reported by the first lookup.
     *
     * @throws IllegalArgumentException when the URL or the mail filter is malformed
     */
    public LdapDirectory(DirectoryProperties properties) {
        this(properties, DirectoryTlsProperties.none());
    }

    public LdapDirectory(DirectoryProperties properties, DirectoryTlsProperties tls) {
        this.properties = properties;
        this.mapper = new DirectoryUserMapper(properties);
        this.userAttributes = mapper.userAttributes();
        this.memberAttributes = java.util.stream.Stream.concat(java.util.Arrays.stream(userAttributes),
                java.util.stream.Stream.of("objectClass")).toArray(String[]::new);
        this.timeLimitSeconds = (int) Math.max(1, properties.responseTimeout().toSeconds());
        // A filter that does not parse should stop start-up, not fail the first user's message.
        mailFilter("probe@example.invalid");
        this.pool = LdapConnectionPools.create(properties, tls);
        log.info("Directory at {}{} (users under {}, groups under {})", properties.url(),
                tls.startTls() ? " with StartTLS" : "", properties.userSearchBase(), properties.groupSearchBase());
        if (!tls.startTls() && !properties.bindPassword().isEmpty()
                && properties.url().trim().toLowerCase(java.util.Locale.ROOT).startsWith("ldap:")) {
            log.warn("The directory bind password goes over plain ldap://; set vdibot.directory.start-tls=true or"
                    + " use ldaps:// (production mode refuses this)");
        }
    }

    @Override
    public Optional<DirectoryUser> findByMail(String mail) {
        if (mail == null || mail.isBlank()) {
            return Optional.empty();
        }
        return findUser(mailFilter(mail.trim()), "mail");
    }

    @Override
    public Optional<DirectoryUser> findByUid(String uid) {
        if (uid == null || uid.isBlank()) {
            return Optional.empty();
        }
        return findUser(Filter.createEqualityFilter(properties.uidAttribute(), uid.trim()), "uid");
    }

    /**
     * Members listed by the group's member attribute plus users whose {@code memberOf} names the group.
     * Costs a few searches per member, which suits the small groups it is for (approvers, on call).
     * Direct members only, as everywhere in the bot: a group listed as a member (a nested group, which in Active
     * Directory has a {@code sAMAccountName} like a person) is neither a person nor expanded, and so is an entry
     * outside the user search base, where {@link #findByUid} would not find it either.
     */
    @Override
    public List<DirectoryUser> membersOf(String group) {
        if (group == null || group.isBlank()) {
            return List.of();
        }
        try {
            List<SearchResultEntry> groups = search(properties.groupSearchBase(),
                    Filter.createEqualityFilter(properties.groupNameAttribute(), group.trim()), 0,
                    properties.groupMemberAttribute());
            Map<String, Entry> members = new LinkedHashMap<>();
            for (SearchResultEntry groupEntry : groups) {
                for (SearchResultEntry user : search(properties.userSearchBase(),
                        Filter.createEqualityFilter(properties.memberOfAttribute(), groupEntry.getDN()), 0,
                        memberAttributes)) {
                    // where users and groups share a container (AD's CN=Users), a nested group turns up here too
                    if (!isGroup(user)) {
                        members.putIfAbsent(normalizedDn(user.getDN()), user);
                    }
                }
            }
            for (SearchResultEntry groupEntry : groups) {
                String[] memberDns = groupEntry.getAttributeValues(properties.groupMemberAttribute());
                for (String memberDn : memberDns == null ? new String[0] : memberDns) {
                    String key = normalizedDn(memberDn);
                    if (!members.containsKey(key) && isUnderUserSearchBase(memberDn)) {
                        Entry user = pool.getEntry(memberDn, memberAttributes);
                        if (user != null && !isGroup(user)) {
                            members.put(key, user);
                        }
                    }
                }
            }
            List<DirectoryUser> users = new ArrayList<>();
            for (Entry member : members.values()) {
                mapper.toUser(member, groupsListing(member.getDN())).ifPresent(users::add);
            }
            users.sort(Comparator.comparing(DirectoryUser::uid));
            return List.copyOf(users);
        } catch (LDAPException e) {
            throw unavailable("group members", e);
        }
    }

    private boolean isUnderUserSearchBase(String dn) {
        try {
            return new DN(dn).isDescendantOf(new DN(properties.userSearchBase()), true);
        } catch (LDAPException malformed) {
            return false;
        }
    }

    private static boolean isGroup(Entry entry) {
        String[] classes = entry.getObjectClassValues();
        for (String objectClass : classes == null ? new String[0] : classes) {
            if (GROUP_CLASSES.contains(objectClass.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the user search base entry: the directory answers, takes the bind, and holds the users' subtree. For the
     * health check; lookups report an outage themselves.
     *
     * @throws DirectoryUnavailableException when it does not, or the base entry is missing
     */
    public void checkAnswers() {
        try {
            if (pool.getEntry(properties.userSearchBase(), "1.1") == null) {
                throw new DirectoryUnavailableException("The directory has no entry " + properties.userSearchBase()
                        + " (vdibot.directory.user-search-base)", null);
            }
        } catch (LDAPException e) {
            throw unavailable("the user search base", e);
        }
    }

    @Override
    public boolean groupExists(String group) {
        if (group == null || group.isBlank()) {
            return false;
        }
        try {
            return !search(properties.groupSearchBase(),
                    Filter.createEqualityFilter(properties.groupNameAttribute(), group.trim()), 1).isEmpty();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return true;
            }
            throw unavailable("group " + group, e);
        } catch (LDAPException e) {
            throw unavailable("group " + group, e);
        }
    }

    @Override
    public Optional<String> groupMail(String group) {
        if (group == null || group.isBlank()) {
            return Optional.empty();
        }
        try {
            for (SearchResultEntry entry : search(properties.groupSearchBase(),
                    Filter.createEqualityFilter(properties.groupNameAttribute(), group.trim()), 0,
                    properties.mailAttribute())) {
                String mail = entry.getAttributeValue(properties.mailAttribute());
                if (mail != null && !mail.isBlank()) {
                    return Optional.of(mail.trim());
                }
            }
            return Optional.empty();
        } catch (LDAPException e) {
            throw unavailable("the mail address of group " + group, e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private Optional<DirectoryUser> findUser(Filter filter, String lookup) {
        try {
            // A size limit of 2 is enough to tell "one user" from "ambiguous" without reading a crowd.
            List<SearchResultEntry> found = search(properties.userSearchBase(), filter, 2, userAttributes);
            if (found.size() > 1) {
                return ambiguous(filter, lookup);
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Entry entry = found.get(0);
            return mapper.toUser(entry, groupsListing(entry.getDN()));
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return ambiguous(filter, lookup);
            }
            throw unavailable("user by " + lookup, e);
        } catch (LDAPException e) {
            throw unavailable("user by " + lookup, e);
        }
    }

    /** Two people behind one identity cannot be told apart; acting for either would be a guess. */
    private Optional<DirectoryUser> ambiguous(Filter filter, String lookup) {
        log.warn("Directory lookup by {} matched more than one user ({}); treating it as unknown", lookup, filter);
        return Optional.empty();
    }

    /** Name by DN of the groups under the group search base whose member attribute lists {@code userDn}. */
    private Map<String, String> groupsListing(String userDn) throws LDAPException {
        Map<String, String> groups = new LinkedHashMap<>();
        for (SearchResultEntry group : search(properties.groupSearchBase(),
                Filter.createEqualityFilter(properties.groupMemberAttribute(), userDn), 0,
                properties.groupNameAttribute())) {
            String name = group.getAttributeValue(properties.groupNameAttribute());
            if (name != null) {
                groups.put(group.getDN(), name);
            } else {
                DirectoryUserMapper.rdnValue(group.getDN()).ifPresent(rdn -> groups.put(group.getDN(), rdn));
            }
        }
        return groups;
    }

    private List<SearchResultEntry> search(String base, Filter filter, int sizeLimit, String... attributes)
            throws LDAPException {
        SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, attributes);
        request.setSizeLimit(sizeLimit);
        request.setTimeLimitSeconds(timeLimitSeconds);
        return pool.search(request).getSearchEntries();
    }

    /** Builds the configured mail filter with the address escaped, so input cannot change the filter. */
    private Filter mailFilter(String mail) {
        String text = properties.userMailFilter().replace(DirectoryProperties.MAIL_PLACEHOLDER,
                Filter.encodeValue(mail));
        try {
            return Filter.create(text);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("vdibot.directory.user-mail-filter is not a valid LDAP filter: "
                    + properties.userMailFilter(), e);
        }
    }

    private static String normalizedDn(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn;
        }
    }

    private DirectoryUnavailableException unavailable(String lookup, LDAPException e) {
        return new DirectoryUnavailableException("The directory did not answer a lookup of " + lookup + ": "
                + e.getResultCode() + " (" + e.getMessage() + ")", e);
    }
}
