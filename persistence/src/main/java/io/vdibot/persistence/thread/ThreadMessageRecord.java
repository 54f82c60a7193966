package io.vdibot.persistence.thread;

import io.vdibot.commands.Platform;

import java.time.Instant;

/**
 * A chat message the bot posted for a task and keeps editing.
 *
 * @param purpose    which of the task's messages it is, e.g. {@code status} or {@code approval}
 * @param handleJson the platform's ids of the message (Slack: channel and ts; Teams: conversation and
 *                   activity id)
 */
public record ThreadMessageRecord(long taskId, Platform platform, String purpose, String handleJson, Instant updatedAt) {
}
