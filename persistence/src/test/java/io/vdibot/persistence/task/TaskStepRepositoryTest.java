package io.vdibot.persistence.task;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.MutableClock;
import io.vdibot.persistence.TaskFixtures;
import io.vdibot.persistence.TestDatabase;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskStepRepositoryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-02T07:00:00.000001Z"));
    private final TaskStepRepository steps = new TaskStepRepository(TestDatabase.dataSource(), clock);
    private final long taskId = TaskFixtures.storedTask(new TaskRepository(TestDatabase.dataSource()), TaskStatus.SCHEDULED).id();

    @Test
    void aStepRunsAndCompletesWithItsData() {
        Instant started = clock.instant();
        TaskStepRecord running = steps.start(taskId, "create-vm", 2);
        clock.advance(Duration.ofSeconds(42));
        TaskStepRecord done = steps.complete(taskId, "create-vm", "{\"vmId\": \"8a3f\"}");

        assertThat(running).isEqualTo(new TaskStepRecord(taskId, "create-vm", 2, StepStatus.RUNNING, started, null, null));
        assertThat(done).isEqualTo(new TaskStepRecord(
                taskId, "create-vm", 2, StepStatus.DONE, started, clock.instant(), "{\"vmId\": \"8a3f\"}"));
        assertThat(steps.completedData(taskId, "create-vm")).contains("{\"vmId\": \"8a3f\"}");
    }

    @Test
    void startingADoneStepAgainChangesNothingSoAResumedTaskSkipsIt() {
        steps.start(taskId, "create-vm", 2);
        TaskStepRecord done = steps.complete(taskId, "create-vm", "{\"vmId\": \"8a3f\"}");
        clock.advance(Duration.ofHours(1));

        TaskStepRecord again = steps.start(taskId, "create-vm", 2);

        assertThat(again).isEqualTo(done);
        assertThat(again.isDone()).isTrue();
        assertThat(steps.complete(taskId, "create-vm", "{\"vmId\": \"other\"}")).isEqualTo(done);
        assertThat(steps.fail(taskId, "create-vm", null)).isEqualTo(done);
    }

    @Test
    void dataRecordedMidStepSurvivesARestartOfTheStep() {
        steps.start(taskId, "create-vm", 2);
        steps.recordData(taskId, "create-vm", "{\"vmId\": \"created-before-crash\"}");
        clock.advance(Duration.ofMinutes(3));

        TaskStepRecord restarted = steps.start(taskId, "create-vm", 2);

        assertThat(restarted.status()).isEqualTo(StepStatus.RUNNING);
        assertThat(restarted.startedAt()).isEqualTo(clock.instant());
        assertThat(restarted.dataJson()).isEqualTo("{\"vmId\": \"created-before-crash\"}");
        assertThat(steps.completedData(taskId, "create-vm")).as("not done yet").isEmpty();
    }

    @Test
    void aFailedStepKeepsItsDataAndCanBeRetried() {
        steps.start(taskId, "wait-ip", 4);
        clock.advance(Duration.ofMinutes(10));
        TaskStepRecord failed = steps.fail(taskId, "wait-ip", "{\"waitedSeconds\": 600}");
        TaskStepRecord failedAgain = steps.fail(taskId, "wait-ip", null);

        assertThat(failed.status()).isEqualTo(StepStatus.FAILED);
        assertThat(failed.finishedAt()).isEqualTo(clock.instant());
        assertThat(failedAgain).isEqualTo(failed);

        clock.advance(Duration.ofMinutes(1));
        TaskStepRecord retried = steps.start(taskId, "wait-ip", 4);
        assertThat(retried.status()).isEqualTo(StepStatus.RUNNING);
        assertThat(retried.finishedAt()).isNull();
        assertThat(retried.dataJson()).isEqualTo("{\"waitedSeconds\": 600}");
    }

    @Test
    void completingWithoutDataKeepsWhatWasRecorded() {
        steps.start(taskId, "start-vm", 3);
        steps.recordData(taskId, "start-vm", "{\"vmId\": \"8a3f\"}");

        assertThat(steps.complete(taskId, "start-vm", null).dataJson()).isEqualTo("{\"vmId\": \"8a3f\"}");
    }

    @Test
    void stepsAreListedInPlanOrder() {
        steps.start(taskId, "wait-ip", 4);
        steps.start(taskId, "preflight", 1);
        steps.start(taskId, "create-vm", 2);

        assertThat(steps.list(taskId)).extracting(TaskStepRecord::stepKey)
                .containsExactly("preflight", "create-vm", "wait-ip");
    }

    @Test
    void aStepThatNeverStartedCannotBeFinished() {
        assertThatThrownBy(() -> steps.complete(taskId, "verify", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> steps.recordData(taskId, "verify", "{}")).isInstanceOf(IllegalStateException.class);
        assertThat(steps.find(taskId, "verify")).isEmpty();
        assertThat(steps.completedData(taskId, "verify")).isEmpty();
    }
}
