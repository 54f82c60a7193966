package io.vdibot.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vdibot.adapters.teams.connector.Address;
import io.vdibot.adapters.teams.connector.ConnectorApi;
import io.vdibot.adapters.teams.connector.Member;
import io.vdibot.adapters.teams.connector.Outgoing;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CardUpdatesTest {

    private static final Address CHAT = new Address("https://smba.example/", "a:chat", null);

    @Test
    void anEditHeldUpOnItsWayIsNotOvertakenAndTheNewestContentArrivesLast() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<String> arrived = new CopyOnWriteArrayList<>();
        ConnectorApi connector = new Editor() {
            @Override
            public void update(Address in, String activityId, Outgoing message) {
                String text = message.summary();
                if (text.equals("batch 9")) {
                    firstStarted.countDown();
                    await(releaseFirst);
                }
                arrived.add(text);
            }
        };
        try (CardUpdates updates = new CardUpdates(connector, Duration.ofMillis(10))) {
            updates.submit(CHAT, "act-1", message("batch 9"));
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            updates.submit(CHAT, "act-1", message("batch 10"));
            updates.submit(CHAT, "act-1", message("ready"));
            // the held-up edit is still on its way: nothing overtakes it
            assertThat(updates.awaitIdle(Duration.ofMillis(300))).isFalse();
            assertThat(arrived).isEmpty();
            releaseFirst.countDown();
            assertThat(updates.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(arrived).containsExactly("batch 9", "ready");
    }

    private static Outgoing message(String summary) {
        return new Outgoing(summary, JsonNodeFactory.instance.objectNode());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A connector that only edits. */
    private abstract static class Editor implements ConnectorApi {

        @Override
        public String send(Address to, Outgoing message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String reply(Address to, String replyToId, Outgoing message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Member> member(Address in, String userId) {
            return Optional.empty();
        }

        @Override
        public Address openPersonalChat(String serviceUrl, String tenantId, String userId) {
            throw new UnsupportedOperationException();
        }
    }
}
