package io.vdibot.persistence.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A running task parks while another holds what it needs, keeps its first wait time, and is claimed again. */
class TaskWaitsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final TaskRepository tasks = new TaskRepository(TestDatabase.dataSource(), clock);
    private final TaskWaits waits = new TaskWaits(TestDatabase.dataSource(), clock);

    private TaskRecord running() {
        TaskRecord task = tasks.insert(new NewTask("pool.update", "{\"name\": \"p\"}", TaskStatus.SCHEDULED, "dc1",
                new Requester(Platform.CONSOLE, "ops", null, null), null, null, null, null, now.get()));
        assertThat(tasks.claim(task.id(), "node-a")).isTrue();
        return task;
    }

    @Test
    void aParkedTaskBelongsToNoNodeAndKeepsWhenItFirstWaited() {
        TaskRecord task = running();
        String key = TestDatabase.unique("object:pool:dc1:p");

        assertThat(waits.park(task.id(), key)).isTrue();
        TaskRecord parked = tasks.findById(task.id()).orElseThrow();
        assertThat(parked.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(parked.claimedBy()).isNull();
        assertThat(parked.waiting()).isEqualTo(new TaskWait(key, Instant.parse("2026-03-01T10:00:00Z")));
        assertThat(waits.waiting()).extracting(TaskRecord::id).contains(task.id());

        now.set(Instant.parse("2026-03-01T10:05:00Z"));
        assertThat(tasks.claim(task.id(), "node-b")).isTrue();
        assertThat(waits.park(task.id(), key)).isTrue();
        assertThat(tasks.findById(task.id()).orElseThrow().waiting().since())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));

        assertThat(tasks.claim(task.id(), "node-b")).isTrue();
        assertThat(waits.park(task.id(), key + "-other")).isTrue();
        assertThat(tasks.findById(task.id()).orElseThrow().waiting().since())
                .as("a wait for something else counts from now").isEqualTo(Instant.parse("2026-03-01T10:05:00Z"));
    }

    @Test
    void onlyARunningTaskParksAndAWaitingTaskCanBeCancelled() {
        TaskRecord task = running();
        assertThat(tasks.finish(task.id(), TaskStatus.SUCCEEDED, "done")).isTrue();
        assertThat(waits.park(task.id(), "object:pool:dc1:p")).isFalse();

        TaskRecord other = running();
        waits.park(other.id(), "object:pool:dc1:p");
        assertThat(tasks.transition(other.id(), TaskStatus.WAITING, TaskStatus.CANCELLED)).isTrue();
        assertThat(tasks.claim(other.id(), "node-a")).isFalse();
    }
}
