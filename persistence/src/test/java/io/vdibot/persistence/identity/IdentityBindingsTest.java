package io.vdibot.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.Platform;
import io.vdibot.persistence.TestDatabase;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The first binding of a chat account stays until it is removed; a second bind does not replace it. */
class IdentityBindingsTest {

    private final IdentityBindings bindings = new IdentityBindings(TestDatabase.dataSource(), Clock.systemUTC());

    @Test
    void theFirstBindingWinsUntilItIsRemoved() {
        String user = TestDatabase.unique("U");
        IdentityBinding first = bindings.bindIfAbsent(Platform.SLACK, user, "alice", "uid=alice,ou=people");
        IdentityBinding second = bindings.bindIfAbsent(Platform.SLACK, user, "mallory", "uid=mallory,ou=people");

        assertThat(second.directoryUid()).isEqualTo("alice");
        assertThat(bindings.find(Platform.SLACK, user)).contains(first);
        assertThat(bindings.find(Platform.TEAMS, user)).isEmpty();
        assertThat(bindings.list("ALICE")).extracting(IdentityBinding::platformUserId).contains(user);

        assertThat(bindings.unbind(Platform.SLACK, user)).isTrue();
        assertThat(bindings.unbind(Platform.SLACK, user)).isFalse();
        assertThat(bindings.bindIfAbsent(Platform.SLACK, user, "mallory", "uid=mallory,ou=people").directoryUid())
                .isEqualTo("mallory");
    }
}
