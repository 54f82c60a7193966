package io.vdibot.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.core.e2e.BotHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a console line takes to become an accepted task: parse, directory lookup and permission, the
 * inventory check, the insert, the Quartz trigger and the answer in the thread. The tasks are scheduled an
 * hour ahead, so nothing runs while this measures. Once one line at a time (latency without queueing), then
 * a burst typed at once (latency under load, and throughput).
 */
@Tag("benchmark")
class ConsoleAcceptBenchmark {

    private static final Pattern ACCEPTED = Pattern.compile("^\\[(T\\d+)\\] Task T\\d+ \\(.*\\) accepted");
    private static final int WARM_UP = 30;
    private static final int SEQUENTIAL = 300;
    private static final int BURST = 200;

    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();

    @Test
    void consoleLineToAcceptedTask() throws Exception {
        try (BotHarness bot = BotHarness.start()) {
            bot.onLine(line -> {
                Matcher m = ACCEPTED.matcher(line);
                if (m.find()) {
                    acceptedAt.put(m.group(1), System.nanoTime());
                }
            });
            bot.type("/login alice");

            run(bot, "warm", WARM_UP, true);
            List<Double> oneAtATime = run(bot, "seq", SEQUENTIAL, true);
            long burstStart = System.nanoTime();
            List<Double> burst = run(bot, "burst", BURST, false);
            double burstSeconds = (lastAccepted(bot, "burst") - burstStart) / 1e9;

            System.out.println();
            System.out.println("== console line -> task accepted (vm create ... at=+1h, embedded MariaDB, 2 simulated sites) ==");
            System.out.println(row("one line at a time", oneAtATime));
            System.out.println(row("burst of " + BURST + " lines", burst));
            System.out.printf(Locale.ROOT, "burst throughput: %d accepted in %.2f s = %.0f tasks/s%n", BURST,
                    burstSeconds, BURST / burstSeconds);
            System.out.println();
        }
    }

    /** Types {@code count} commands (one by one, or all at once) and returns each one's latency in ms. */
    private List<Double> run(BotHarness bot, String prefix, int count, boolean oneByOne) throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "%s-%04d", prefix, i);
            int before = acceptedAt.size();
            sentAt.put(name, System.nanoTime());
            bot.type("/vdi vm create " + name + " template=rhel9-desktop at=+1h");
            if (oneByOne) {
                awaitAccepted(before + 1);
            }
        }
        awaitAccepted(acceptedCountBefore(prefix) + count);
        Map<String, String> codeToName = names(bot, prefix);
        assertThat(codeToName).hasSize(count);
        List<Double> latencies = new ArrayList<>();
        codeToName.forEach((code, name) -> latencies.add((acceptedAt.get(code) - sentAt.get(name)) / 1e6));
        Collections.sort(latencies);
        return latencies;
    }

    private int acceptedCountBefore(String prefix) {
        // every earlier phase has been fully accepted before the next one starts
        return switch (prefix) {
            case "warm" -> 0;
            case "seq" -> WARM_UP;
            default -> WARM_UP + SEQUENTIAL;
        };
    }

    private void awaitAccepted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (acceptedAt.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acceptedAt.size() + " of " + count + " accepted");
            }
            Thread.sleep(1);
        }
    }

    private long lastAccepted(BotHarness bot, String prefix) {
        return names(bot, prefix).keySet().stream().mapToLong(acceptedAt::get).max().orElseThrow();
    }

    private static Map<String, String> names(BotHarness bot, String prefix) {
        Map<String, String> names = new ConcurrentHashMap<>();
        JdbcClient.create(bot.bean(DataSource.class))
                .sql("SELECT id, JSON_VALUE(request_json, '$.name') AS name FROM task"
                        + " WHERE JSON_VALUE(request_json, '$.name') LIKE :prefix")
                .param("prefix", prefix + "-%")
                .query((rs, n) -> names.put("T" + rs.getLong("id"), rs.getString("name")))
                .list();
        return names;
    }

    private static String row(String label, List<Double> sorted) {
        return String.format(Locale.ROOT, "%-22s n=%d  p50=%.1f ms  p90=%.1f ms  p99=%.1f ms  max=%.1f ms", label,
                sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                sorted.get(sorted.size() - 1));
    }

    static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
