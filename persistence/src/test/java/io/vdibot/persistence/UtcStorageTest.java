package io.vdibot.persistence;

import com.zaxxer.hikari.HikariDataSource;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.task.NewTask;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

class UtcStorageTest {

    /** Stored as 02:30, a wall-clock time that does not exist in Berlin (clocks jump from 02:00 to 03:00). */
    private static final Instant CREATED = Instant.parse("2024-03-31T02:30:00.123456Z");
    /** Stored as 01:30, a wall-clock time that happens twice in New York (clocks fall back at 02:00). */
    private static final Instant RUN_AT = Instant.parse("2024-11-03T01:30:00.654321Z");

    private final TimeZone originalDefault = TimeZone.getDefault();

    @AfterEach
    void restoreDefaultZone() {
        TimeZone.setDefault(originalDefault);
    }

    @Test
    void instantsRoundTripToTheMicrosecondWhateverTheJvmZoneIsWhenWritingAndReading() {
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        long id;
        try (HikariDataSource writer = TestDatabase.anotherPool()) {
            TaskRepository tasks = new TaskRepository(writer, Clock.fixed(CREATED, ZoneOffset.UTC));
            id = tasks.insert(taskRunningAt(RUN_AT)).id();
        }

        for (String zone : new String[] {"America/New_York", "Pacific/Chatham", "Asia/Kolkata", "UTC"}) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            try (HikariDataSource reader = TestDatabase.anotherPool()) {
                TaskRecord read = new TaskRepository(reader).findById(id).orElseThrow();

                assertThat(read.createdAt()).as("created_at read in %s", zone).isEqualTo(CREATED);
                assertThat(read.runAt()).as("run_at read in %s", zone).isEqualTo(RUN_AT);
            }
        }
    }

    @Test
    void columnsHoldUtcWallClockTime() {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        try (HikariDataSource pool = TestDatabase.anotherPool()) {
            TaskRepository tasks = new TaskRepository(pool, Clock.fixed(CREATED, ZoneOffset.UTC));
            long id = tasks.insert(taskRunningAt(RUN_AT)).id();

            String stored = JdbcClient.create(pool)
                    .sql("SELECT CONCAT(DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s.%f'), ' / ',"
                            + " DATE_FORMAT(run_at, '%Y-%m-%d %H:%i:%s.%f')) FROM task WHERE id = ?")
                    .param(id)
                    .query(String.class)
                    .single();

            assertThat(stored).isEqualTo("2024-03-31 02:30:00.123456 / 2024-11-03 01:30:00.654321");
        }
    }

    @Test
    void precisionBeyondMicrosecondsIsDroppedNotRounded() {
        Instant withNanos = Instant.parse("2025-12-31T23:59:59.999999999Z");
        TaskRepository tasks = new TaskRepository(TestDatabase.dataSource(), Clock.fixed(withNanos, ZoneOffset.UTC));

        TaskRecord stored = tasks.insert(taskRunningAt(withNanos));

        Instant truncated = Instant.parse("2025-12-31T23:59:59.999999Z");
        assertThat(stored.runAt()).isEqualTo(truncated);
        assertThat(stored.createdAt()).isEqualTo(truncated);
    }

    private static NewTask taskRunningAt(Instant runAt) {
        NewTask template = TaskFixtures.newTask(TaskStatus.SCHEDULED);
        return new NewTask(template.commandId(), template.requestJson(), template.status(), template.site(),
                template.requester(), template.locale(), template.timeZone(), template.threadRefJson(), null, runAt);
    }
}
