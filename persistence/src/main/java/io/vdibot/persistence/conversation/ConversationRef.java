package io.vdibot.persistence.conversation;

import io.vdibot.commands.Platform;

import java.time.Instant;

/**
 * Where the bot can post to a user or channel without being addressed first.
 *
 * @param key           the user or channel id on that platform
 * @param referenceJson what the platform needs to open the conversation (a Teams conversation reference,
 *                      a Slack DM channel id)
 */
public record ConversationRef(Platform platform, String key, String referenceJson, Instant updatedAt) {
}
