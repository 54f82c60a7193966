package io.vdibot.persistence.thread;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.MutableClock;
import io.vdibot.persistence.TaskFixtures;
import io.vdibot.persistence.TestDatabase;
import io.vdibot.persistence.task.TaskRepository;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadMessageRepositoryTest {

    private static final String SLACK_STATUS = "{\"channel\": \"C024BE91L\", \"ts\": \"1712345678.000100\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-05T05:05:05.050505Z"));
    private final ThreadMessageRepository messages = new ThreadMessageRepository(TestDatabase.dataSource(), clock);
    private final long taskId = TaskFixtures.storedTask(new TaskRepository(TestDatabase.dataSource()), TaskStatus.SCHEDULED).id();

    @Test
    void aSavedHandleIsFoundAgain() {
        ThreadMessageRecord saved = messages.save(taskId, Platform.SLACK, "status", SLACK_STATUS);

        assertThat(saved).isEqualTo(new ThreadMessageRecord(taskId, Platform.SLACK, "status", SLACK_STATUS, clock.instant()));
        assertThat(messages.find(taskId, Platform.SLACK, "status")).contains(saved);
        assertThat(messages.find(taskId, Platform.SLACK, "approval")).isEmpty();
        assertThat(messages.find(taskId, Platform.TEAMS, "status")).isEmpty();
    }

    @Test
    void savingAgainReplacesTheHandle() {
        messages.save(taskId, Platform.SLACK, "status", SLACK_STATUS);
        clock.advance(Duration.ofSeconds(3));
        String reposted = "{\"channel\": \"C024BE91L\", \"ts\": \"1712345999.000200\"}";

        messages.save(taskId, Platform.SLACK, "status", reposted);

        assertThat(messages.find(taskId, Platform.SLACK, "status"))
                .contains(new ThreadMessageRecord(taskId, Platform.SLACK, "status", reposted, clock.instant()));
        assertThat(messages.listByTask(taskId)).hasSize(1);
    }

    @Test
    void aTaskHasOneMessagePerPlatformAndPurpose() {
        String teamsCard = "{\"conversationId\": \"19:abc@thread.tacv2\", \"activityId\": \"1712345678901\"}";
        messages.save(taskId, Platform.SLACK, "status", SLACK_STATUS);
        messages.save(taskId, Platform.TEAMS, "approval", teamsCard);

        assertThat(messages.listByTask(taskId))
                .extracting(ThreadMessageRecord::platform, ThreadMessageRecord::purpose)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Platform.SLACK, "status"),
                        org.assertj.core.groups.Tuple.tuple(Platform.TEAMS, "approval"));
        assertThat(messages.delete(taskId, Platform.TEAMS, "approval")).isTrue();
        assertThat(messages.delete(taskId, Platform.TEAMS, "approval")).isFalse();
        assertThat(messages.listByTask(taskId)).extracting(ThreadMessageRecord::purpose).containsExactly("status");
    }
}
