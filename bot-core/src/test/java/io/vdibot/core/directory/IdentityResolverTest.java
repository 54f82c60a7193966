package io.vdibot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vdibot.commands.Platform;

class IdentityResolverTest {

    private static final DirectoryUser ALICE = new DirectoryUser("alice", "Alice Martin", "alice@vdibot.example",
            Set.of("vdi-requesters"), Optional.empty(), Optional.empty());

    private final RecordingDirectory directory = new RecordingDirectory();
    private final IdentityResolver resolver = new IdentityResolver(directory);

    @Test
    void chatPlatformsResolveByEmail() {
        assertThat(resolver.resolve(Platform.SLACK, "U024BE7LH", "alice@vdibot.example")).contains(ALICE);
        assertThat(resolver.resolve(Platform.TEAMS, "29:1GcS4EyB", " alice@vdibot.example ")).contains(ALICE);
        assertThat(directory.calls).containsExactly("mail:alice@vdibot.example", "mail:alice@vdibot.example");
    }

    @Test
    void chatPlatformsWithoutEmailResolveToNobody() {
        assertThat(resolver.resolve(Platform.SLACK, "alice", null)).isEmpty();
        assertThat(resolver.resolve(Platform.TEAMS, "alice", " ")).isEmpty();
        assertThat(directory.calls).isEmpty();
    }

    @Test
    void consoleUserIdIsTheUid() {
        assertThat(resolver.resolve(Platform.CONSOLE, "alice", null)).contains(ALICE);
        assertThat(directory.calls).containsExactly("uid:alice");
    }

    @Test
    void consoleWithoutLoginResolvesToNobody() {
        assertThat(resolver.resolve(Platform.CONSOLE, null, null)).isEmpty();
        assertThat(resolver.resolve(Platform.CONSOLE, "", null)).isEmpty();
    }

    @Test
    void unknownIdentitiesAreEmpty() {
        assertThat(resolver.resolve(Platform.SLACK, "U1", "eve@elsewhere.example")).isEmpty();
        assertThat(resolver.resolve(Platform.CONSOLE, "eve", null)).isEmpty();
    }

    @Test
    void outagesPropagateSoCallersCanSayTryLater() {
        directory.down = true;
        assertThatThrownBy(() -> resolver.resolve(Platform.SLACK, "U1", "alice@vdibot.example"))
                .isInstanceOf(DirectoryUnavailableException.class);
    }

    private static final class RecordingDirectory implements Directory {
        final List<String> calls = new ArrayList<>();
        boolean down;

        @Override
        public Optional<DirectoryUser> findByMail(String mail) {
            calls.add("mail:" + mail);
            failIfDown();
            return mail.equals(ALICE.mail()) ? Optional.of(ALICE) : Optional.empty();
        }

        @Override
        public Optional<DirectoryUser> findByUid(String uid) {
            calls.add("uid:" + uid);
            failIfDown();
            return uid.equals(ALICE.uid()) ? Optional.of(ALICE) : Optional.empty();
        }

        @Override
        public List<DirectoryUser> membersOf(String group) {
            throw new AssertionError("identity resolution never lists groups");
        }

        @Override
        public boolean groupExists(String group) {
            throw new AssertionError("identity resolution never looks groups up");
        }

        @Override
        public Optional<String> groupMail(String group) {
            throw new AssertionError("identity resolution never looks groups up");
        }

        private void failIfDown() {
            if (down) {
                throw new DirectoryUnavailableException("down", null);
            }
        }
    }
}
