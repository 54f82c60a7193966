package io.vdibot.core.task;

import io.vdibot.commands.i18n.Durations;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.persistence.task.LogKind;
import io.vdibot.persistence.task.TaskLogEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's deploy and error logs in a few lines: how many entries of each over how long, the errors (the first few,
 * which say what went wrong), and the last thing done. What on-call notices carry and {@code /vdi logs ID summary}
 * shows, in the reader's language.
 */
public final class LogSummary {

    /** Errors shown in full; more are counted. */
    static final int ERRORS_SHOWN = 3;

    private final String taskCode;
    private final List<TaskLogEntry> entries;

    private LogSummary(String taskCode, List<TaskLogEntry> entries) {
        this.taskCode = taskCode;
        this.entries = List.copyOf(entries);
    }

    /** @param entries both logs of the task, oldest first, as {@code TaskLogRepository.list(id)} gives them */
    public static LogSummary of(String taskCode, List<TaskLogEntry> entries) {
        return new LogSummary(taskCode, entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<String> lines(Messages messages) {
        if (entries.isEmpty()) {
            return List.of(messages.format("logs.summary.empty", taskCode));
        }
        List<TaskLogEntry> errors = entries.stream().filter(e -> e.kind() == LogKind.ERROR).toList();
        List<TaskLogEntry> deploys = entries.stream().filter(e -> e.kind() == LogKind.DEPLOY).toList();
        Duration span = Duration.between(entries.get(0).at(), entries.get(entries.size() - 1).at());
        List<String> lines = new ArrayList<>();
        lines.add(messages.format("logs.summary.counts", taskCode, deploys.size(), errors.size(),
                Durations.format(span)));
        for (TaskLogEntry error : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()))) {
            lines.add(messages.format("logs.summary.error", LogsHandler.said(error, messages)));
        }
        if (errors.size() > ERRORS_SHOWN) {
            lines.add(messages.format("logs.summary.more-errors", errors.size() - ERRORS_SHOWN, taskCode));
        }
        if (!deploys.isEmpty()) {
            lines.add(messages.format("logs.summary.last",
                    LogsHandler.said(deploys.get(deploys.size() - 1), messages)));
        }
        return List.copyOf(lines);
    }
}
