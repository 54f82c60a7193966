package io.vdibot.commands.port;

import io.vdibot.commands.Platform;

import java.util.Objects;

/**
 * Who typed a command, as the chat platform knows them. The permission check maps it to a directory user,
 * by e-mail (Slack profile) or UPN (Teams), never by display name, which users can change.
 *
 * @param userId      the platform's user id (Slack {@code U…}, Teams AAD object id, console login name)
 * @param email       e-mail or UPN, {@code null} when the platform did not provide one
 * @param displayName for replies only
 */
public record ChatIdentity(Platform platform, String userId, String email, String displayName) {

    public ChatIdentity {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayName, "displayName");
    }
}
