package io.vdibot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CachingDirectoryTest {

    private static final DirectoryUser ALICE = new DirectoryUser("alice", "Alice", "alice@vdibot.example",
            Set.of("vdi-requesters"), Optional.empty(), Optional.empty());

    private final CountingDirectory backend = new CountingDirectory();
    private final MutableClock clock = new MutableClock();
    private final CachingDirectory cache = new CachingDirectory(backend, Duration.ofSeconds(60), clock);

    @Test
    void repeatedLookupsWithinTheTtlAskOnce() {
        assertThat(cache.findByMail("alice@vdibot.example")).contains(ALICE);
        assertThat(cache.findByMail("ALICE@vdibot.example ")).contains(ALICE);
        assertThat(cache.findByUid("alice")).contains(ALICE);
        assertThat(cache.findByUid("Alice")).contains(ALICE);
        assertThat(cache.membersOf("vdi-requesters")).containsExactly(ALICE);
        assertThat(cache.membersOf("VDI-Requesters")).containsExactly(ALICE);

        assertThat(backend.calls).containsExactly("mail:alice@vdibot.example", "uid:alice", "group:vdi-requesters");
    }

    @Test
    void answersExpireAfterTheTtl() {
        cache.findByUid("alice");
        clock.advance(Duration.ofSeconds(59));
        cache.findByUid("alice");
        clock.advance(Duration.ofSeconds(1));
        cache.findByUid("alice");

        assertThat(backend.calls).containsExactly("uid:alice", "uid:alice");
    }

    @Test
    void unknownUsersAreCachedToo() {
        assertThat(cache.findByUid("stranger")).isEmpty();
        assertThat(cache.findByUid("stranger")).isEmpty();
        assertThat(backend.calls).containsExactly("uid:stranger");
    }

    @Test
    void outagesAreNotCached() {
        backend.down = true;
        assertThatThrownBy(() -> cache.findByUid("alice")).isInstanceOf(DirectoryUnavailableException.class);
        backend.down = false;
        assertThat(cache.findByUid("alice")).contains(ALICE);
        assertThat(backend.calls).containsExactly("uid:alice", "uid:alice");
    }

    @Test
    void invalidateAllForgetsEverything() {
        cache.findByUid("alice");
        cache.membersOf("vdi-requesters");
        cache.invalidateAll();
        cache.findByUid("alice");
        cache.membersOf("vdi-requesters");
        assertThat(backend.calls).hasSize(4);
    }

    @Test
    void zeroTtlDisablesCaching() {
        CachingDirectory uncached = new CachingDirectory(backend, Duration.ZERO, clock);
        uncached.findByUid("alice");
        uncached.findByUid("alice");
        assertThat(backend.calls).hasSize(2);
    }

    @Test
    void blankKeysNeverReachTheBackend() {
        assertThat(cache.findByMail(null)).isEmpty();
        assertThat(cache.findByUid(" ")).isEmpty();
        assertThat(cache.membersOf("")).isEmpty();
        assertThat(backend.calls).isEmpty();
    }

    /** Knows alice only, records each question, and can pretend to be down. */
    private static final class CountingDirectory implements Directory {
        final List<String> calls = new ArrayList<>();
        boolean down;

        @Override
        public Optional<DirectoryUser> findByMail(String mail) {
            record("mail:" + mail.trim().toLowerCase());
            return mail.trim().equalsIgnoreCase(ALICE.mail()) ? Optional.of(ALICE) : Optional.empty();
        }

        @Override
        public Optional<DirectoryUser> findByUid(String uid) {
            record("uid:" + uid.toLowerCase());
            return uid.equalsIgnoreCase("alice") ? Optional.of(ALICE) : Optional.empty();
        }

        @Override
        public List<DirectoryUser> membersOf(String group) {
            record("group:" + group.toLowerCase());
            return group.equalsIgnoreCase("vdi-requesters") ? List.of(ALICE) : List.of();
        }

        @Override
        public boolean groupExists(String group) {
            record("exists:" + group.toLowerCase());
            return group.equalsIgnoreCase("vdi-requesters");
        }

        @Override
        public Optional<String> groupMail(String group) {
            record("group-mail:" + group.toLowerCase());
            return Optional.empty();
        }

        private void record(String call) {
            calls.add(call);
            if (down) {
                throw new DirectoryUnavailableException("down", null);
            }
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
