package io.vdibot.persistence.task;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.MutableClock;
import io.vdibot.persistence.TaskFixtures;
import io.vdibot.persistence.TestDatabase;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TaskLogRepositoryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-02T07:00:00.500001Z"));
    private final TaskLogRepository logs = new TaskLogRepository(TestDatabase.dataSource(), clock);
    private final TaskRepository tasks = new TaskRepository(TestDatabase.dataSource());

    @Test
    void linesComeBackInOrderAndByLog() {
        long taskId = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED).id();
        TaskLogEntry first = logs.append(taskId, LogKind.DEPLOY, null, "Task T" + taskId + " started");
        clock.advance(Duration.ofMillis(1));
        TaskLogEntry second = logs.append(taskId, LogKind.DEPLOY, "create-vm", "Created VM win11-07 (8a3f)");
        clock.advance(Duration.ofNanos(1_000));
        TaskLogEntry third = logs.append(taskId, LogKind.ERROR, "wait-ip", "No IP address after 600 s");
        // Same microsecond as the previous line: insertion order still decides.
        TaskLogEntry fourth = logs.append(taskId, LogKind.DEPLOY, "cleanup", "Removed VM win11-07");

        assertThat(logs.list(taskId)).containsExactly(first, second, third, fourth);
        assertThat(logs.list(taskId, LogKind.DEPLOY)).containsExactly(first, second, fourth);
        assertThat(logs.list(taskId, LogKind.ERROR)).containsExactly(third);
        assertThat(third.at()).isEqualTo(clock.instant());
        assertThat(first.stepKey()).isNull();
    }

    @Test
    void logsOfOtherTasksStayApart() {
        long one = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED).id();
        long other = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED).id();
        logs.append(one, LogKind.DEPLOY, null, "mine");

        assertThat(logs.list(other)).isEmpty();
        assertThat(logs.list(one)).extracting(TaskLogEntry::message).containsExactly("mine");
    }

    @Test
    void unicodeMessagesSurviveIntact() {
        long taskId = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED).id();

        logs.append(taskId, LogKind.ERROR, "preflight", "模板 win11-base 不存在 🚫");

        assertThat(logs.list(taskId, LogKind.ERROR)).extracting(TaskLogEntry::message)
                .containsExactly("模板 win11-base 不存在 🚫");
    }

    @Test
    void aLineWrittenFromAMessageKeepsItsKeyAndArguments() {
        long taskId = TaskFixtures.storedTask(tasks, TaskStatus.SCHEDULED).id();

        TaskLogEntry line = logs.append(taskId, LogKind.DEPLOY, null,
                "The disks of web01 are ready; its status is down.", "vm.create.log.disks-ready",
                "[\"web01\",{\"term\":\"VM_STATUS\",\"value\":\"down\"}]");
        TaskLogEntry free = logs.append(taskId, LogKind.ERROR, null, "the engine said no");

        assertThat(logs.list(taskId)).containsExactly(line, free);
        assertThat(logs.list(taskId).get(0).messageKey()).isEqualTo("vm.create.log.disks-ready");
        assertThat(logs.list(taskId).get(0).messageArgs()).contains("VM_STATUS");
        assertThat(logs.list(taskId).get(1).messageKey()).isNull();
        assertThat(logs.list(taskId).get(1).messageArgs()).isNull();
    }
}
