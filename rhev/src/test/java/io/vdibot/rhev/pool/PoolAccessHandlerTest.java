package io.vdibot.rhev.pool;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.pool.PoolGrantRequest;
import io.vdibot.commands.pool.PoolRevokeRequest;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.support.RecordingTask;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PoolAccessHandlerTest {

    private static PoolFixture fixture;
    private static TaskHandler<PoolGrantRequest> grant;
    private static TaskHandler<PoolRevokeRequest> revoke;

    @BeforeAll
    static void start() {
        fixture = new PoolFixture();
        grant = fixture.handler(PoolGrantRequest.class, PoolLimits.DEFAULTS, PoolFixture.FAST);
        revoke = fixture.handler(PoolRevokeRequest.class, PoolLimits.DEFAULTS, PoolFixture.FAST);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static List<PermissionEntity> grantsOf(String group) {
        String groupId = fixture.groupId("dc1", group);
        return fixture.poolPermissions("dc1", "finance-win10").stream().filter(p -> groupId.equals(p.groupId))
                .toList();
    }

    @Test
    void grantsOnceRevokesAndSaysSoWhenThereIsNothingToRevoke() {
        PoolGrantRequest give = new PoolGrantRequest("finance-win10", "contractors", "UserRole", "dc1",
                PoolFixture.now());

        TaskOutcome granted = run(grant, RecordingTask.of("T5001", give, "dc1"));
        TaskOutcome again = run(grant, RecordingTask.of("T5002", give, "dc1"));

        assertThat(granted.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(granted.summary()).isEqualTo("Group contractors has role UserRole on pool finance-win10 at site dc1.");
        assertThat(again.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(grantsOf("contractors")).singleElement()
                .satisfies(p -> assertThat(p.roleId).isEqualTo(fixture.roleId("dc1", "UserRole")));

        PoolRevokeRequest take = new PoolRevokeRequest("finance-win10", "contractors", "UserRole", "dc1",
                PoolFixture.now());
        RecordingTask revoking = RecordingTask.of("T5003", take, "dc1");
        TaskOutcome revoked = run(revoke, revoking);
        assertThat(revoked.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(revoked.result().plainText())
                .startsWith("Group contractors no longer has role UserRole on pool finance-win10\n");
        assertThat(grantsOf("contractors")).isEmpty();
        assertThat(grantsOf("finance-desktops")).hasSize(1);
        assertThat(revoking.deployLog()).containsExactly("Took role UserRole on pool finance-win10 away from group "
                + "contractors.");

        TaskOutcome nothing = run(revoke, RecordingTask.of("T5004", take, "dc1"));
        assertThat(nothing.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(nothing.result().tone()).isEqualTo(Reply.Tone.INFO);
        assertThat(nothing.summary()).isEqualTo("Group contractors had no role UserRole on pool finance-win10 at site "
                + "dc1; nothing was changed.");
    }

    @Test
    void anUnknownRoleOrPoolIsNamedAndNothingChanges() {
        assertThatThrownBy(() -> run(grant, RecordingTask.of("T5005", new PoolGrantRequest("finance-win10",
                "contractors", "PoolEmperor", "dc1", PoolFixture.now()), "dc1"))).isInstanceOf(TaskFailure.class)
                .hasMessage("The engine of site dc1 has no role PoolEmperor.");
        assertThatThrownBy(() -> run(revoke, RecordingTask.of("T5006", new PoolRevokeRequest("no-such-pool",
                "contractors", "UserRole", "dc1", PoolFixture.now()), "dc1"))).isInstanceOf(TaskFailure.class)
                .hasMessage("There is no pool no-such-pool at site dc1.");
        assertThat(grantsOf("contractors")).isEmpty();
    }
}
