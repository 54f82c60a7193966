package io.vdibot.core.task;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.persistence.task.TaskRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the task views show a task's status, times and requester. */
final class TaskTexts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TaskTexts() {
    }

    static String status(TaskStatus status, Messages messages) {
        return messages.format(status.messageKey());
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "-" : TIME.withZone(zone).format(instant);
    }

    /**
     * What the task does, as a command line ({@code pool resize finance-win10 size=12}); its command id when the
     * stored request cannot be read (a command this version no longer has).
     */
    static String summary(TaskRecord task, TaskJson json) {
        try {
            return json.readRequest(task.commandId(), task.requestJson()) instanceof TaskRequest request
                    ? request.summary() : task.commandId();
        } catch (RuntimeException unreadable) {
            return task.commandId();
        }
    }

    static String requester(TaskRecord task) {
        return task.requester().directoryUid() != null ? task.requester().directoryUid()
                : task.requester().platformUserId();
    }
}
