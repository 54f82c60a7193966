package io.vdibot.rhev.pool;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolDeleteRequest;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.support.InMemoryJournal;
import io.vdibot.rhev.support.RecordingTask;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PoolDeleteHandlerTest {

    private static PoolFixture fixture;
    private static TaskHandler<PoolDeleteRequest> delete;

    @BeforeAll
    static void start() {
        fixture = new PoolFixture();
        delete = fixture.handler(PoolDeleteRequest.class, PoolLimits.DEFAULTS, PoolFixture.FAST);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void removesThePoolWithItsRunningVmsAndWaitsUntilTheyAreGone() {
        assertThat(fixture.vmsOf("dc1", "finance-win10")).hasSize(6)
                .anySatisfy(vm -> assertThat(vm.status).isEqualTo("up"));
        RecordingTask task = RecordingTask.of("T7001", new PoolDeleteRequest("finance-win10", "dc1",
                PoolFixture.now()), "dc1");

        TaskOutcome outcome = run(delete, task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(fixture.pool("dc1", "finance-win10")).isEmpty();
        assertThat(fixture.vmsNamed("dc1", "finance-win10-1")).isEmpty();
        assertThat(fixture.vmsNamed("dc1", "finance-win10-6")).isEmpty();
        assertThat(outcome.summary()).isEqualTo("Pool finance-win10 at site dc1 was deleted with its 6 VMs.");
        assertThat(task.journal().executed()).containsExactly("preflight", "remove-pool", "wait-gone");
        assertThat(task.deployLog()).last().asString().isEqualTo("Pool finance-win10 and its VMs are gone.");
    }

    @Test
    void aDeleteResumedAfterDyingOnceTheRemovalWasAskedForWaitsForItToEnd() {
        run(fixture.handler(PoolCreateRequest.class, PoolLimits.DEFAULTS, PoolFixture.FAST), RecordingTask.of("T7002", new PoolCreateRequest("td-resume",
                "rhel9-desktop", 3, null, 2, null, null, null, null, "dc1", null, null, null, null, PoolFixture.now()),
                "dc1"));
        InMemoryJournal journal = new InMemoryJournal().crashAfter("remove-pool");
        PoolDeleteRequest request = new PoolDeleteRequest("td-resume", "dc1", PoolFixture.now());
        assertThatThrownBy(() -> run(delete, new RecordingTask("T7003", request, "dc1", Locale.ENGLISH, journal,
                false))).isInstanceOf(InMemoryJournal.SimulatedCrash.class);

        TaskOutcome outcome = run(delete, new RecordingTask("T7003", request, "dc1", Locale.ENGLISH, journal,
                true));

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(fixture.pool("dc1", "td-resume")).isEmpty();
        assertThat(fixture.vmsNamed("dc1", "td-resume-1")).isEmpty();
        assertThat(journal.executed()).containsExactly("preflight", "remove-pool", "remove-pool", "wait-gone");
    }

    @Test
    void aPoolThatIsNotThereIsNamed() {
        RecordingTask task = RecordingTask.of("T7004", new PoolDeleteRequest("no-such-pool", "dc2",
                PoolFixture.now()), "dc2");

        assertThatThrownBy(() -> run(delete, task)).isInstanceOf(TaskFailure.class)
                .hasMessage("There is no pool no-such-pool at site dc2.");
        assertThat(task.errorLog()).containsExactly("Step \"Checks\" failed: There is no pool no-such-pool at site "
                + "dc2.");
    }
}
