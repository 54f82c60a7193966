package io.vdibot.core.directory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps directory answers for a short time: one chat command checks identity, groups and permissions,
 * and a burst of commands from one person should not become a burst of LDAP searches.
 *
 * <p>"Not found" is cached like any answer, so repeated messages from strangers cost one search per TTL.
 * {@link DirectoryUnavailableException} is never cached: the next call asks the directory again.
 * Keys compare case-insensitively because mail addresses, uids and group names do in LDAP.
 */
public final class CachingDirectory implements Directory {

    private final Directory delegate;
    private final TtlCache<String, Optional<DirectoryUser>> users;
    private final TtlCache<String, List<DirectoryUser>> groups;

    /** {@code ttl} zero disables caching. */
    public CachingDirectory(Directory delegate, Duration ttl) {
        this(delegate, ttl, Clock.systemUTC());
    }

    public CachingDirectory(Directory delegate, Duration ttl, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
        this.users = new TtlCache<>(ttl, clock);
        this.groups = new TtlCache<>(ttl, clock);
    }

    @Override
    public Optional<DirectoryUser> findByMail(String mail) {
        if (mail == null || mail.isBlank()) {
            return Optional.empty();
        }
        return users.get("mail:" + key(mail), () -> delegate.findByMail(mail));
    }

    @Override
    public Optional<DirectoryUser> findByUid(String uid) {
        if (uid == null || uid.isBlank()) {
            return Optional.empty();
        }
        return users.get("uid:" + key(uid), () -> delegate.findByUid(uid));
    }

    @Override
    public List<DirectoryUser> membersOf(String group) {
        if (group == null || group.isBlank()) {
            return List.of();
        }
        return groups.get(key(group), () -> delegate.membersOf(group));
    }

    /** Asked of the directory each time: it is asked once per on-call notice, from the mail sender's thread. */
    @Override
    public Optional<String> groupMail(String group) {
        return delegate.groupMail(group);
    }

    /** Asked of the directory each time: it is asked only when an administrator names an owner group. */
    @Override
    public boolean groupExists(String group) {
        return delegate.groupExists(group);
    }

    /** Forgets every cached answer, e.g. after an operator changed group membership and wants it now. */
    public void invalidateAll() {
        users.clear();
        groups.clear();
    }

    private static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
