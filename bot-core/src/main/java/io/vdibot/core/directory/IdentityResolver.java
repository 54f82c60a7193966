package io.vdibot.core.directory;

import java.util.Objects;
import java.util.Optional;

import io.vdibot.commands.Platform;

/**
 * Finds the directory user behind a chat identity.
 *
 * <p>Slack and Teams user ids mean nothing to the directory; the e-mail address (or UPN) the platform
 * reports for the user is what links the two. The console has no e-mail: its user id is set by
 * {@code /login <uid>} and is the directory uid itself.
 */
public final class IdentityResolver {

    private final Directory directory;

    public IdentityResolver(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * The directory user for this chat identity, or empty when there is none: the caller refuses politely.
     *
     * @param platform where the message came from
     * @param platformUserId the platform's id for the user; the uid on the console
     * @param email the address the platform reports, or null when it reports none
     * @throws DirectoryUnavailableException when the directory cannot be asked
     */
    public Optional<DirectoryUser> resolve(Platform platform, String platformUserId, String email) {
        Objects.requireNonNull(platform, "platform");
        if (email != null && !email.isBlank()) {
            return directory.findByMail(email.trim());
        }
        if (platform == Platform.CONSOLE && platformUserId != null && !platformUserId.isBlank()) {
            return directory.findByUid(platformUserId.trim());
        }
        return Optional.empty();
    }
}
