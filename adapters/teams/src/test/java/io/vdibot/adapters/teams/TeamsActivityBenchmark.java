package io.vdibot.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.adapters.teams.testing.TeamsRig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Activity → HTTP response latency at a steady 20 activities per second (mentions, each with a fresh token checked
 * against the cached keys), as Teams would deliver them; prints p50/p99/max. Teams resends after 15 s.
 */
@Tag("benchmark")
class TeamsActivityBenchmark {

    private static final int RATE = 20;
    private static final int SECONDS = 15;

    @Test
    void latencyAtTwentyActivitiesPerSecond() throws Exception {
        try (TeamsRig rig = new TeamsRig()) {
            // warm-up: keys fetched, connections open, JIT
            for (int i = 0; i < 40; i++) {
                rig.send(rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", "sites"));
            }
            rig.idle();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<Long>> timings = new ArrayList<>();
            long start = System.nanoTime();
            int total = RATE * SECONDS;
            for (int i = 0; i < total; i++) {
                long due = start + i * (1_000_000_000L / RATE);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                var activity = rig.activities.mention(TeamsRig.ALICE, "19:bench@thread.tacv2;messageid=" + i,
                        "channel", "vdi vm create bench-" + i + " template=rhel9-desktop");
                timings.add(clients.submit(() -> {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = rig.send(activity);
                    assertThat(response.statusCode()).isEqualTo(200);
                    return System.nanoTime() - sent;
                }));
            }
            List<Long> micros = new ArrayList<>();
            for (Future<Long> timing : timings) {
                micros.add(timing.get(30, TimeUnit.SECONDS) / 1_000);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            clients.shutdown();
            rig.idle();
            Collections.sort(micros);
            System.out.printf("Teams activity -> HTTP response, %d activities at %d/s (%.1f s, %d CPUs): "
                            + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d handed to the core%n",
                    total, RATE, elapsed, Runtime.getRuntime().availableProcessors(), pct(micros, 50),
                    pct(micros, 90), pct(micros, 99), micros.get(micros.size() - 1) / 1000.0,
                    rig.submitted.size() - 40);
            assertThat(pct(micros, 99)).isLessThan(Duration.ofSeconds(15).toMillis());
        }
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
