package io.vdibot.core.schedule;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.intake.DatabaseRetry;
import io.vdibot.persistence.task.Requester;
import io.vdibot.persistence.task.TaskApproval;
import io.vdibot.persistence.task.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.springframework.dao.TransientDataAccessException;

/** A trigger that cannot be stored because the database is away is retried, not given up with the task stored. */
class TaskSchedulingTest {

    private static final TaskRecord TASK = new TaskRecord(1042, "vm.create", "{}", TaskStatus.SCHEDULED, "dc1",
            new Requester(Platform.CONSOLE, "alice", "alice", "Alice Martin"), Locale.ENGLISH, ZoneOffset.UTC, null,
            null, Instant.parse("2026-12-01T08:00:00Z"), Instant.now(), Instant.now(), null, null,
            new TaskApproval(false, null, null, null), null, null, null, 0, null);

    @Test
    void aLostDatabaseConnectionIsReportedAsATransientDatabaseFailure() throws Exception {
        Scheduler scheduler = mock(Scheduler.class);
        when(scheduler.checkExists(any(JobKey.class))).thenThrow(new JobPersistenceException("Socket error"));

        assertThatThrownBy(() -> new TaskScheduling(scheduler, java.time.Clock.systemUTC()).schedule(TASK))
                .isInstanceOf(TransientDataAccessException.class).hasMessageContaining("T1042");
    }

    @Test
    void withTheRetryOfTheIntakeTheTriggerIsStoredOnceTheDatabaseIsBack() throws Exception {
        Scheduler scheduler = mock(Scheduler.class);
        when(scheduler.checkExists(any(JobKey.class)))
                .thenThrow(new JobPersistenceException("Socket error"))
                .thenThrow(new JobPersistenceException("Connection refused"))
                .thenReturn(false);
        TaskScheduling scheduling = new TaskScheduling(scheduler, java.time.Clock.systemUTC());

        new DatabaseRetry(Duration.ofSeconds(10), Duration.ofMillis(5)).call("schedule T1042", () -> {
            scheduling.schedule(TASK);
            return TASK;
        });

        verify(scheduler, times(3)).checkExists(any(JobKey.class));
        verify(scheduler).scheduleJob(any(JobDetail.class), any(Trigger.class));
    }

    @Test
    void otherSchedulerFailuresAreNotDisguisedAsDatabaseFailures() throws Exception {
        Scheduler scheduler = mock(Scheduler.class);
        when(scheduler.checkExists(any(JobKey.class))).thenThrow(new SchedulerException("The Scheduler has been shutdown."));

        assertThatThrownBy(() -> new TaskScheduling(scheduler, java.time.Clock.systemUTC()).schedule(TASK))
                .isInstanceOf(IllegalStateException.class);
    }
}
