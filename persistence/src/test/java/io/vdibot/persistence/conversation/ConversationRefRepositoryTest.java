package io.vdibot.persistence.conversation;

import io.vdibot.commands.Platform;
import io.vdibot.persistence.MutableClock;
import io.vdibot.persistence.TestDatabase;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationRefRepositoryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-06T06:06:06.606060Z"));
    private final ConversationRefRepository refs = new ConversationRefRepository(TestDatabase.dataSource(), clock);

    @Test
    void upsertStoresAndThenReplacesAReference() {
        String user = TestDatabase.unique("29:1aad");
        String first = "{\"conversation\": {\"id\": \"a:1\"}, \"serviceUrl\": \"https://smba.trafficmanager.net/emea/\"}";
        String second = "{\"conversation\": {\"id\": \"a:2\"}, \"serviceUrl\": \"https://smba.trafficmanager.net/emea/\"}";

        ConversationRef stored = refs.upsert(Platform.TEAMS, user, first);
        clock.advance(Duration.ofDays(1));
        ConversationRef replaced = refs.upsert(Platform.TEAMS, user, second);

        assertThat(stored.updatedAt()).isEqualTo(clock.instant().minus(Duration.ofDays(1)));
        assertThat(refs.find(Platform.TEAMS, user)).contains(replaced);
        assertThat(replaced).isEqualTo(new ConversationRef(Platform.TEAMS, user, second, clock.instant()));
        assertThat(refs.find(Platform.SLACK, user)).isEmpty();
    }

    @Test
    void keysAreCaseSensitiveLikeThePlatformsIds() {
        String key = TestDatabase.unique("Dm");
        refs.upsert(Platform.SLACK, key, "{\"channel\": \"upper\"}");
        refs.upsert(Platform.SLACK, key.toLowerCase(), "{\"channel\": \"lower\"}");

        assertThat(refs.find(Platform.SLACK, key)).map(ConversationRef::referenceJson).contains("{\"channel\": \"upper\"}");
        assertThat(refs.find(Platform.SLACK, key.toLowerCase())).map(ConversationRef::referenceJson)
                .contains("{\"channel\": \"lower\"}");
    }

    @Test
    void listsOnePlatformsReferencesAndForgetsDeletedOnes() {
        String a = TestDatabase.unique("console-a");
        String b = TestDatabase.unique("console-b");
        refs.upsert(Platform.CONSOLE, a, "{}");
        refs.upsert(Platform.CONSOLE, b, "{}");
        refs.upsert(Platform.SLACK, TestDatabase.unique("U"), "{}");

        assertThat(refs.listByPlatform(Platform.CONSOLE)).extracting(ConversationRef::key).contains(a, b)
                .allSatisfy(key -> assertThat(key).startsWith("console-"));
        assertThat(refs.delete(Platform.CONSOLE, a)).isTrue();
        assertThat(refs.delete(Platform.CONSOLE, a)).isFalse();
        assertThat(refs.listByPlatform(Platform.CONSOLE)).extracting(ConversationRef::key).contains(b).doesNotContain(a);
    }
}
