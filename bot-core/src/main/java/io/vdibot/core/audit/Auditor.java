package io.vdibot.core.audit;

import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.spec.TaskReference;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.core.directory.DirectoryUser;
import io.vdibot.persistence.audit.AuditEvent;
import io.vdibot.persistence.audit.AuditLog;
import io.vdibot.persistence.task.TaskCodes;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every request and what the bot decided, in the append-only audit table and as one structured log line
 * ({@code io.vdibot.audit}). An audit row that cannot be written is logged, never a reason to refuse the request.
 */
public final class Auditor {

    public static final String ALLOWED = "allowed";
    public static final String DENIED = "denied";
    public static final String INVALID = "invalid";
    public static final String REFUSED = "refused";
    public static final String ACCEPTED = "accepted";

    private static final Logger AUDIT = LoggerFactory.getLogger("io.vdibot.audit");

    private final AuditLog log;
    private final Clock clock;

    public Auditor(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * @param user     the directory user, {@code null} when none was found
     * @param request  the parsed request, {@code null} when the text did not parse
     * @param taskCode the task made, {@code null} to take the one the request names, if any
     */
    public void record(Envelope envelope, DirectoryUser user, VdiRequest request, String decision, String reason,
            String taskCode) {
        String task = taskCode != null ? taskCode
                : request instanceof TaskReference reference ? reference.taskId() : null;
        AuditEvent event = new AuditEvent(clock.instant(), envelope.identity().platform(),
                envelope.identity().userId(), user == null ? null : user.uid(),
                request == null ? null : request.commandId(), CommandTexts.of(envelope), decision, reason,
                taskId(task));
        AUDIT.info("audit decision={} platform={} user={} uid={} command={} task={} reason=\"{}\" text=\"{}\"",
                decision, event.platform(), quoteSafe(event.platformUserId()), quoteSafe(event.directoryUid()),
                event.commandId(), task, quoteSafe(reason), quoteSafe(event.commandText()));
        try {
            log.append(event);
        } catch (RuntimeException e) {
            AUDIT.error("audit event could not be stored: {}", e.getMessage());
        }
    }

    private static Long taskId(String code) {
        if (code == null) {
            return null;
        }
        java.util.OptionalLong id = TaskCodes.parse(code);
        return id.isPresent() ? id.getAsLong() : null;
    }

    /** One line whatever the text holds: line breaks and quotes would let a user forge log lines. */
    private static String quoteSafe(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\r", "\\r");
    }
}
