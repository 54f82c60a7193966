package io.vdibot.persistence.task;

import io.vdibot.commands.Platform;

import java.util.Objects;

/**
 * Who asked for a task.
 *
 * @param platform       where the request came from
 * @param platformUserId the user's id on that platform (Slack user id, Teams AAD object id, console login)
 * @param directoryUid   the directory (LDAP) uid the chat identity was mapped to, if known
 * @param displayName    a name to show in replies and listings, if known
 */
public record Requester(Platform platform, String platformUserId, String directoryUid, String displayName) {

    public Requester {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformUserId, "platformUserId");
    }

    /** The name to show: the display name when known, else the platform user id. */
    public String shownName() {
        return displayName != null ? displayName : platformUserId;
    }
}
