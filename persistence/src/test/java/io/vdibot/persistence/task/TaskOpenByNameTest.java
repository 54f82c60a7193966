package io.vdibot.persistence.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The query behind names reserved by earlier tasks: same command, same site, same name, not ended. */
class TaskOpenByNameTest {

    private final TaskRepository tasks = new TaskRepository(TestDatabase.dataSource());

    private TaskRecord store(String command, String site, String name, TaskStatus status) {
        return tasks.insert(new NewTask(command, "{\"name\": \"" + name + "\"}", status, site,
                new Requester(Platform.CONSOLE, "ops", null, null), null, null, null, null,
                Instant.parse("2026-03-01T10:00:00Z")));
    }

    @Test
    void findsTheOpenTasksOfThatCommandSiteAndNameOldestFirst() {
        String name = TestDatabase.unique("dup");
        TaskRecord scheduled = store("vm.create", "dc1", name, TaskStatus.SCHEDULED);
        TaskRecord pending = store("vm.create", "dc1", name, TaskStatus.PENDING_APPROVAL);
        TaskRecord cancelled = store("vm.create", "dc1", name, TaskStatus.SCHEDULED);
        tasks.transition(cancelled.id(), TaskStatus.SCHEDULED, TaskStatus.CANCELLED);
        store("vm.create", "dc2", name, TaskStatus.SCHEDULED);
        store("pool.create", "dc1", name, TaskStatus.SCHEDULED);
        store("vm.create", "dc1", name + "-other", TaskStatus.SCHEDULED);

        assertThat(tasks.findOpenByName("vm.create", "dc1", name)).extracting(TaskRecord::id)
                .containsExactly(scheduled.id(), pending.id());
        assertThat(tasks.findOpenByName("template.create", "dc1", name)).isEmpty();
    }
}
