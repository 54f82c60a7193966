package io.vdibot.core.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How fast Slack gets its ack for {@code /vdi} at a steady 50 requests per second for 60 seconds, open loop (a
 * request leaves every 20 ms whether or not the previous one was answered), signed like Slack's. Each command
 * creates a task scheduled an hour ahead, so the core does its full intake work (directory, permission, inventory
 * check, insert, trigger, answer in Slack) while the acks are measured. Slack's limit is 3 s; the target is a p99
 * below 300 ms.
 */
@Tag("benchmark")
class SlackAckBenchmark {

    private static final int RATE = 50;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(60);

    @Test
    void slashCommandAckLatencyAtFiftyPerSecond() throws Exception {
        try (SlackHarness bot = SlackHarness.start(Map.of())) {
            run(bot, "warm", (int) (RATE * WARM_UP.toSeconds()));
            List<Double> millis = run(bot, "bench", (int) (RATE * MEASURED.toSeconds()));
            Collections.sort(millis);
            double p50 = percentile(millis, 50);
            double p90 = percentile(millis, 90);
            double p99 = percentile(millis, 99);
            double max = millis.get(millis.size() - 1);
            System.out.printf(Locale.ROOT, "%nSlack slash-command ack at %d req/s for %d s (%d requests, open loop):%n"
                    + "  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; target p99 < 300 ms: %s%n%n",
                    RATE, MEASURED.toSeconds(), millis.size(), p50, p90, p99, max, p99 < 300 ? "met" : "missed");
            assertThat(millis).hasSize((int) (RATE * MEASURED.toSeconds()));
            // Slack's own deadline is never at risk
            assertThat(max).isLessThan(3000);
        }
    }

    private static List<Double> run(SlackHarness bot, String prefix, int count) throws InterruptedException {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= count) {
                return;
            }
            String body = bot.slashBody("U0ALICE", "C0BENCH", "vm create " + prefix + "-" + n
                    + " template=rhel9-desktop at=+1h", bot.triggerId(), "bench");
            long start = System.nanoTime();
            bot.sendAsync(body, "application/x-www-form-urlencoded").whenComplete((HttpResponse<String> r, Throwable t) -> {
                if (t == null && r.statusCode() == 200) {
                    latencies.add((System.nanoTime() - start) / 1e6);
                } else {
                    failures.incrementAndGet();
                }
                done.countDown();
            });
        }, 0, 1000 / RATE, TimeUnit.MILLISECONDS);
        boolean finished = done.await(count / RATE + 30, TimeUnit.SECONDS);
        clock.shutdownNow();
        assertThat(finished).isTrue();
        assertThat(failures.get()).isZero();
        return new ArrayList<>(latencies);
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
