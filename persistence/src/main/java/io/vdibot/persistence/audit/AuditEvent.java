package io.vdibot.persistence.audit;

import io.vdibot.commands.Platform;
import java.time.Instant;
import java.util.Objects;

/**
 * One audited request and what the bot decided.
 *
 * @param directoryUid the directory user behind the chat identity, {@code null} when none was found
 * @param commandId    the command, {@code null} when the text did not parse
 * @param commandText  the command as typed (or the form's values), secrets masked
 * @param decision     {@code allowed}, {@code denied}, {@code invalid}, {@code refused} or {@code accepted}
 * @param reason       why, for the auditor (not shown to the requester)
 * @param taskId       the task it made or named, {@code null} for none
 */
public record AuditEvent(Instant at, Platform platform, String platformUserId, String directoryUid, String commandId,
                         String commandText, String decision, String reason, Long taskId) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformUserId, "platformUserId");
        Objects.requireNonNull(decision, "decision");
    }
}
