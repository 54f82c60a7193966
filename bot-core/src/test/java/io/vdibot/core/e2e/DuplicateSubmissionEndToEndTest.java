package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.Platform;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.pipeline.RequestPipeline;
import io.vdibot.persistence.task.TaskRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chat platform that retries a delivery (Slack when the ack is late, Teams after 15 s) sends the same
 * envelope with the same idempotency key again: whether the copies arrive one after the other or at the
 * same moment, they make one task, one answer and one VM.
 */
class DuplicateSubmissionEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final ChatIdentity ALICE = new ChatIdentity(Platform.CONSOLE, "alice", null, "alice");
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void aRetriedDeliveryMakesOneTask() throws Exception {
        Envelope delivery = envelope("dup-seq", "/vdi vm create dup-seq template=rhel9-desktop", "retry-key-seq");
        RequestPipeline pipeline = bot.bean(RequestPipeline.class);
        pipeline.submit(delivery);
        String task = bot.awaitTask("dup-seq", WAIT);
        bot.awaitIn(task, "accepted", WAIT);
        pipeline.submit(delivery);
        pipeline.submit(delivery);

        bot.awaitIn(task, "^ok: .*dup-seq", RUN);
        assertOneTaskOneAnswerOneVm("dup-seq", task, "retry-key-seq");
    }

    @Test
    void copiesArrivingAtTheSameMomentMakeOneTask() throws Exception {
        Envelope delivery = envelope("dup-par", "/vdi vm create dup-par template=rhel9-desktop", "retry-key-par");
        RequestPipeline pipeline = bot.bean(RequestPipeline.class);
        int copies = 8;
        ExecutorService senders = Executors.newFixedThreadPool(copies);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            sent.add(senders.submit(() -> {
                go.await();
                pipeline.submit(delivery);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : sent) {
            f.get(10, TimeUnit.SECONDS);
        }
        senders.shutdown();

        String task = bot.awaitTask("dup-par", WAIT);
        bot.awaitIn(task, "^ok: .*dup-par", RUN);
        assertOneTaskOneAnswerOneVm("dup-par", task, "retry-key-par");
    }

    private static void assertOneTaskOneAnswerOneVm(String name, String task, String key) throws Exception {
        // every copy was handed over before the task even started, and the task has finished since
        assertThat(bot.tasksNamed(name)).isEqualTo(1);
        assertThat(bot.bean(TaskRepository.class).findByIdempotencyKey(key).orElseThrow().code()).isEqualTo(task);
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
        List<String> thread = bot.thread(task);
        assertThat(thread.stream().filter(l -> l.contains("accepted")).count()).isEqualTo(1);
        assertThat(thread.stream().filter(l -> l.contains("has started")).count()).isEqualTo(1);
        assertThat(bot.thread(name)).as("nothing refused or failed in the request thread").isEmpty();
        assertThat(bot.vmsNamed("dc1", name)).isEqualTo(1);
        assertThat(bot.vmCreations("dc1", name)).isEqualTo(1);
    }

    private static Envelope envelope(String threadId, String text, String key) {
        return Envelope.ofText(ALICE, ThreadRef.of(Platform.CONSOLE, "console", threadId), text, key, Instant.now(),
                null, null);
    }
}
