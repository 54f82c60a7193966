package io.vdibot.persistence.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The query behind names reserved by earlier tasks: the open tasks of a command family whose request mentions the
 * name in any field (a migration creates under {@code targetName}), oldest first.
 */
class TaskOpenByNameTest {

    private final TaskRepository tasks = new TaskRepository(TestDatabase.dataSource());

    private TaskRecord store(String command, String site, String json, TaskStatus status) {
        return tasks.insert(new NewTask(command, json, status, site,
                new Requester(Platform.CONSOLE, "ops", null, null), null, null, null, null,
                Instant.parse("2026-03-01T10:00:00Z")));
    }

    private TaskRecord named(String command, String site, String name, TaskStatus status) {
        return store(command, site, "{\"name\": \"" + name + "\"}", status);
    }

    @Test
    void findsTheOpenTasksOfThatFamilyThatMentionTheNameOldestFirst() {
        String name = TestDatabase.unique("dup");
        TaskRecord scheduled = named("vm.create", "dc1", name, TaskStatus.SCHEDULED);
        TaskRecord pending = named("vm.create", "dc1", name, TaskStatus.PENDING_APPROVAL);
        TaskRecord cancelled = named("vm.create", "dc1", name, TaskStatus.SCHEDULED);
        tasks.transition(cancelled.id(), TaskStatus.SCHEDULED, TaskStatus.CANCELLED);
        TaskRecord otherSite = named("vm.create", "dc2", name, TaskStatus.SCHEDULED);
        named("pool.create", "dc1", name, TaskStatus.SCHEDULED);
        named("vm.create", "dc1", name + "-other", TaskStatus.SCHEDULED);

        assertThat(tasks.findOpenMentioning("vm", name)).extracting(TaskRecord::id)
                .containsExactly(scheduled.id(), pending.id(), otherSite.id());
        assertThat(tasks.findOpenMentioning("template", name)).isEmpty();
    }

    @Test
    void findsANameHeldInAnyFieldOfTheFamilysRequests() {
        String name = TestDatabase.unique("tpl");
        TaskRecord migrate = store("template.migrate", "dc1",
                "{\"name\": \"golden\", \"toSite\": \"dc2\", \"targetName\": \"" + name + "\"}", TaskStatus.SCHEDULED);
        TaskRecord create = named("template.create", "dc2", name, TaskStatus.PENDING_APPROVAL);

        assertThat(tasks.findOpenMentioning("template", name)).extracting(TaskRecord::id)
                .containsExactly(migrate.id(), create.id());
    }

    @Test
    void wildcardsInTheNameMatchOnlyThemselves() {
        String name = TestDatabase.unique("web_01");
        TaskRecord exact = named("vm.create", "dc1", name, TaskStatus.SCHEDULED);
        named("vm.create", "dc1", name.replace("_", "x"), TaskStatus.SCHEDULED);
        TaskRecord percent = named("vm.create", "dc1", name.replace("_", "%"), TaskStatus.SCHEDULED);

        assertThat(tasks.findOpenMentioning("vm", name)).extracting(TaskRecord::id).containsExactly(exact.id());
        assertThat(tasks.findOpenMentioning("vm", name.replace("_", "%"))).extracting(TaskRecord::id)
                .containsExactly(percent.id());
    }
}
