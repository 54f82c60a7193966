package io.vdibot.rhev.pool;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.reply.TableBlock;
import io.vdibot.commands.pool.PoolUpdateRequest;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.support.RecordingTask;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PoolUpdateHandlerTest {

    private static PoolFixture fixture;
    private static TaskHandler<PoolUpdateRequest> update;

    @BeforeAll
    static void start() {
        fixture = new PoolFixture();
        update = fixture.handler(PoolUpdateRequest.class, PoolLimits.DEFAULTS, PoolFixture.FAST);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void changesWhatIsAskedAndShowsEachSettingBeforeAndAfter() {
        RecordingTask task = RecordingTask.of("T6001", new PoolUpdateRequest("eng-rhel9-??", "Linux desktops, 3 ready",
                3, 4, "dc1", PoolFixture.now()), "dc1");

        TaskOutcome outcome = run(update, task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        PoolEntity pool = fixture.pool("dc1", "eng-rhel9-??").orElseThrow();
        assertThat(pool.description).isEqualTo("Linux desktops, 3 ready");
        assertThat(pool.prestartedVms).isEqualTo(3);
        assertThat(pool.maxUserVms).isEqualTo(4);
        TableBlock table = PoolFixture.table(outcome.result(), "Setting");
        assertThat(table.rows()).containsExactly(
                List.of("Description", "Engineering Linux desktops", "Linux desktops, 3 ready"),
                List.of("Prestarted VMs", "0", "3"),
                List.of("VMs per user", "2", "4"));
        assertThat(task.journal().executed()).containsExactly("preflight", "update-pool");
        assertThat(outcome.summary()).isEqualTo("Pool eng-rhel9-?? at site dc1 was updated.");
    }

    @Test
    void onlyTheGivenSettingsChange() {
        run(update, RecordingTask.of("T6002", new PoolUpdateRequest("sales-win10", null, null, 3, "dc2",
                PoolFixture.now()), "dc2"));

        PoolEntity pool = fixture.pool("dc2", "sales-win10").orElseThrow();
        assertThat(pool.maxUserVms).isEqualTo(3);
        assertThat(pool.description).isEqualTo("Sales desktops, Singapore");
        assertThat(pool.prestartedVms).isZero();
    }

    @Test
    void morePrestartedVmsThanThePoolHasAreRefusedBeforeTheEngineIsAsked() {
        assertThatThrownBy(() -> run(update, RecordingTask.of("T6003", new PoolUpdateRequest("finance-win10",
                null, 7, null, "dc1", PoolFixture.now()), "dc1"))).isInstanceOf(TaskFailure.class)
                .hasMessage("Pool finance-win10 has 6 VMs, so it cannot keep 7 of them prestarted. Grow it first, "
                        + "or ask for fewer.");
        assertThat(fixture.pool("dc1", "finance-win10").orElseThrow().prestartedVms).isZero();
    }
}
