package io.vdibot.core.directory;

import java.util.Objects;
import java.util.Optional;

import io.vdibot.commands.Platform;
import io.vdibot.persistence.identity.IdentityBinding;
import io.vdibot.persistence.identity.IdentityBindings;

/**
 * Finds the directory user behind a chat identity.
 *
 * <p>Slack and Teams user ids mean nothing to the directory; the e-mail address (or UPN) the platform
 * reports for the user is what links the two. The console has no e-mail: its user id is set by
 * {@code /login <uid>} and is the directory uid itself.
 *
 * <p>The first match binds the chat account to that directory entry. An e-mail address can be changed on the chat
 * platform by whoever controls the account (or an entry can move), so a later match to another entry is refused
 * ({@link IdentityMismatchException}) until an administrator re-binds, instead of silently acting as someone else.
 */
public final class IdentityResolver {

    private final Directory directory;
    private final IdentityBindings bindings;

    public IdentityResolver(Directory directory, IdentityBindings bindings) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.bindings = bindings;
    }

    /** Without bindings: every match stands on its own (tests of the directory alone). */
    public IdentityResolver(Directory directory) {
        this(directory, null);
    }

    /**
     * The directory user for this chat identity, or empty when there is none: the caller refuses politely.
     *
     * @param platform where the message came from
     * @param platformUserId the platform's id for the user; the uid on the console
     * @param email the address the platform reports, or null when it reports none
     * @throws DirectoryUnavailableException when the directory cannot be asked
     * @throws IdentityMismatchException when the account is bound to another directory entry
     */
    public Optional<DirectoryUser> resolve(Platform platform, String platformUserId, String email) {
        Objects.requireNonNull(platform, "platform");
        if (email != null && !email.isBlank()) {
            Optional<DirectoryUser> user = directory.findByMail(email.trim());
            user.ifPresent(found -> checkBinding(platform, platformUserId, found));
            return user;
        }
        if (platform == Platform.CONSOLE && platformUserId != null && !platformUserId.isBlank()) {
            return directory.findByUid(platformUserId.trim());
        }
        return Optional.empty();
    }

    private void checkBinding(Platform platform, String platformUserId, DirectoryUser found) {
        if (bindings == null || platformUserId == null || found.dn().isEmpty()) {
            return;
        }
        IdentityBinding bound = bindings.bindIfAbsent(platform, platformUserId, found.uid(), found.dn());
        boolean same = bound.directoryUid().equalsIgnoreCase(found.uid())
                && bound.directoryDn().equalsIgnoreCase(found.dn());
        if (!same) {
            throw new IdentityMismatchException(bound.directoryUid(), bound.directoryDn(), found.uid(), found.dn());
        }
    }
}
