package io.vdibot.persistence;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.task.NewTask;
import io.vdibot.persistence.task.Requester;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** Tasks for tests, each with its own requester so listings by requester stay apart. */
public final class TaskFixtures {

    private TaskFixtures() {
    }

    public static NewTask newTask(TaskStatus status) {
        return newTask(status, null, new Requester(Platform.SLACK, TestDatabase.unique("U"), "jdoe", "Jane Doe"));
    }

    public static NewTask newTask(TaskStatus status, String idempotencyKey, Requester requester) {
        return new NewTask(
                "vm.create",
                "{\"site\": \"paris\", \"template\": \"win11-base\", \"count\": 2}",
                status,
                "paris",
                requester,
                Locale.SIMPLIFIED_CHINESE,
                ZoneId.of("Asia/Shanghai"),
                "{\"channel\": \"C024BE91L\", \"ts\": \"1712345678.000100\"}",
                idempotencyKey,
                Instant.parse("2030-01-15T08:00:00Z"));
    }

    /** A stored task in {@code status}. */
    public static TaskRecord storedTask(TaskRepository tasks, TaskStatus status) {
        return tasks.insert(newTask(status));
    }
}
