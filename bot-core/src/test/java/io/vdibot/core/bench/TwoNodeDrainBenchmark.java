package io.vdibot.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.e2e.BotHarness;
import io.vdibot.core.e2e.BotProcess;
import io.vdibot.core.e2e.TaskLoader;
import io.vdibot.persistence.DataSources;
import io.vdibot.persistence.embedded.EmbeddedMariaDb;
import io.vdibot.persistence.embedded.EmbeddedMariaDbSettings;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 1,000 {@code vm create} tasks due at the same instant on two bot processes that share one MariaDB and one
 * engine (the simulator, with engine time at zero so that only the bot's own work is measured). Each task must
 * run exactly once — one claim, one "has started", one VM created — and the figures say how long the two
 * nodes took to drain the lot and how they split it.
 */
@Tag("benchmark")
class TwoNodeDrainBenchmark {

    private static final int TASKS = Integer.getInteger("bench.tasks", 1000);
    /**
     * The simulated hosts refuse to start VMs beyond their memory, as an engine does, and a thousand VMs of the
     * template's 4 GiB would not fit in Linux-Desktops' 1 TiB.
     */
    private static final long VM_MEMORY = 512L << 20;
    private static final Duration LEAD = Duration.ofSeconds(Integer.getInteger("bench.lead-seconds", 60));
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(20);
    /** Extra bot settings for both nodes, e.g. Quartz tuning: {@code -Dbench.node-args="--spring.quartz...=8"}. */
    private static final List<String> NODE_ARGS = List.of(System.getProperty("bench.node-args", "").trim().split("\\s+"))
            .stream().filter(a -> !a.isEmpty()).toList();
    private static final String DB_PASSWORD = "two-nodes";
    private static final Pattern STARTED = Pattern.compile("^\\[(T\\d+)\\] Task T\\d+ \\(vm.create\\) has started");

    @Test
    void aThousandTasksDueAtOnceOnTwoNodes() throws Exception {
        Path base = BotHarness.newDataDir();
        try (EmbeddedMariaDb database = EmbeddedMariaDb.start(EmbeddedMariaDbSettings.defaults()
                     .withDataDir(base.resolve("mariadb")).withCredentials("vdibot", DB_PASSWORD));
             HikariDataSource dataSource = DataSources.pooled(database.jdbcUrl(), database.user(), DB_PASSWORD, 4);
             Simulator engines = Simulator.builder().sites(1).basePort(0).timeScale(0).password("vdibot").start()) {
            Path ca = base.resolve("engine-ca.pem");
            Files.writeString(ca, engines.caCertificatePem(), StandardCharsets.UTF_8);
            JdbcClient jdbc = JdbcClient.create(dataSource);

            try (BotProcessPair nodes = new BotProcessPair(base, database, ca, engines)) {
                awaitClusterOfTwo(jdbc, nodes);

                // the tasks, and one Quartz trigger each, all at the same instant
                Instant due = Instant.now().plus(LEAD).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                long loadStart = System.nanoTime();
                List<TaskRecord> inserted = new TaskLoader(dataSource, "bench", VM_MEMORY).load(TASKS, due, 1);
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                assertThat(Instant.now()).as("all tasks stored and scheduled before they are due").isBefore(due);

                TaskRepository tasks = new TaskRepository(dataSource);
                List<TaskRecord> finished = awaitDrained(jdbc, tasks, due);

                Figures figures = new Figures(due, finished, loadSeconds);
                // exactly once: every task succeeded, was started once (one claim, one line across both nodes)
                // and created its VM once
                assertThat(finished).hasSize(TASKS).allMatch(t -> t.status() == TaskStatus.SUCCEEDED);
                Map<String, Long> starts = startedLines(nodes);
                assertThat(starts).hasSize(TASKS);
                assertThat(starts.values()).allMatch(n -> n == 1);
                assertThat(nodes.count("is resuming")).isZero();
                assertThat(jdbc.sql("SELECT COUNT(*) FROM task_step WHERE step_key = 'create-vm' AND status = 'DONE'")
                        .query(Long.class).single()).isEqualTo(TASKS);
                assertThat(jdbc.sql("SELECT COUNT(DISTINCT task_id) FROM task_log WHERE message LIKE 'Created VM %'")
                        .query(Long.class).single()).isEqualTo(TASKS);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM task_log WHERE message LIKE 'Created VM %'")
                        .query(Long.class).single()).isEqualTo(TASKS);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM task_log WHERE message LIKE 'Found VM %'")
                        .query(Long.class).single()).isZero();
                Engine engine = engines.site("dc1").engine();
                List<String> vmNames = engine.read(() -> engine.estate().vms.values().stream()
                        .map(vm -> vm.name).filter(n -> n.startsWith("bench-")).toList());
                assertThat(vmNames).hasSize(TASKS).doesNotHaveDuplicates();
                long creations = engine.read(() -> engine.estate().events.stream()
                        .filter(e -> e.code == 34 && e.description.startsWith("VM bench-")).count());
                assertThat(creations).isEqualTo(TASKS);
                assertThat(inserted).hasSize(TASKS);

                figures.print(vmNames.size(), creations);
            }
        }
    }

    /** Both nodes have joined the Quartz cluster (and so finished migrating and starting). */
    private static void awaitClusterOfTwo(JdbcClient jdbc, BotProcessPair nodes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                long members = jdbc.sql("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE").query(Long.class).single();
                if (members >= 2) {
                    return;
                }
            } catch (RuntimeException notMigratedYet) {
                // the first node creates the tables
            }
            nodes.requireAlive();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the two nodes did not join the cluster");
            }
            Thread.sleep(200);
        }
    }

    private static List<TaskRecord> awaitDrained(JdbcClient jdbc, TaskRepository tasks, Instant due)
            throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        long lastReport = 0;
        while (true) {
            Map<String, Long> byStatus = new TreeMap<>();
            jdbc.sql("SELECT status, COUNT(*) AS n FROM task GROUP BY status")
                    .query((rs, n) -> byStatus.put(rs.getString("status"), rs.getLong("n"))).list();
            long finished = byStatus.entrySet().stream()
                    .filter(e -> TaskStatus.valueOf(e.getKey()).isFinal()).mapToLong(Map.Entry::getValue).sum();
            if (finished >= TASKS) {
                return tasks.listByStatus(EnumSet.allOf(TaskStatus.class), TASKS * 2);
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L && Instant.now().isAfter(due)) {
                System.out.printf(Locale.ROOT, "  %5.1f s after due: %s%n",
                        Duration.between(due, Instant.now()).toMillis() / 1000.0, byStatus);
                lastReport = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not drained within " + DRAIN_LIMIT + ": " + byStatus);
            }
            Thread.sleep(250);
        }
    }

    /** How many "has started" lines each task has across both nodes' consoles. */
    private static Map<String, Long> startedLines(BotProcessPair nodes) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : nodes.allLines()) {
            Matcher m = STARTED.matcher(line);
            if (m.find()) {
                counts.merge(m.group(1), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The two bot processes, node-a and node-b, on the shared database and engine. */
    private static final class BotProcessPair implements AutoCloseable {
        private final List<BotProcess> nodes = new ArrayList<>();

        BotProcessPair(Path base, EmbeddedMariaDb database, Path ca, Simulator engines) {
            for (String node : List.of("node-a", "node-b")) {
                List<String> args = new ArrayList<>(List.of(
                        "--vdibot.node-id=" + node,
                        "--vdibot.data-dir=" + base.resolve(node),
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + DB_PASSWORD,
                        "--vdibot.sites[0].name=dc1",
                        "--vdibot.sites[0].url=" + engines.site("dc1").apiUrl(),
                        "--vdibot.sites[0].ca-file=" + ca,
                        "--vdibot.sites[0].password=vdibot",
                        "--vdibot.console.enabled=true"));
                args.addAll(NODE_ARGS);
                nodes.add(BotProcess.launch(node, base.resolve("logs"), List.of("-Xmx512m"), args));
            }
        }

        void requireAlive() {
            for (BotProcess node : nodes) {
                if (!node.isAlive()) {
                    throw new AssertionError(node.name() + " stopped while starting; see its .err file under "
                            + "target/e2e");
                }
            }
        }

        List<String> allLines() {
            return nodes.stream().flatMap(n -> n.lines().stream()).toList();
        }

        long count(String regex) {
            return nodes.stream().mapToLong(n -> n.count(regex)).sum();
        }

        @Override
        public void close() {
            nodes.forEach(BotProcess::close);
        }
    }

    /** The measured figures. */
    private record Figures(Instant due, List<TaskRecord> tasks, double loadSeconds) {

        void print(int vms, long creations) {
            Instant firstStart = tasks.stream().map(TaskRecord::startedAt).min(Instant::compareTo).orElseThrow();
            Instant lastFinish = tasks.stream().map(TaskRecord::finishedAt).max(Instant::compareTo).orElseThrow();
            double drain = Duration.between(due, lastFinish).toMillis() / 1000.0;
            List<Double> startDelays = tasks.stream()
                    .map(t -> Duration.between(t.runAt(), t.startedAt()).toMillis() / 1000.0).sorted().toList();
            List<Double> runTimes = tasks.stream()
                    .map(t -> Duration.between(t.startedAt(), t.finishedAt()).toMillis() / 1000.0).sorted().toList();
            Map<String, List<TaskRecord>> byNode = tasks.stream()
                    .collect(Collectors.groupingBy(TaskRecord::claimedBy, TreeMap::new, Collectors.toList()));

            System.out.println();
            System.out.printf(Locale.ROOT, "== %d vm.create tasks due at the same instant, 2 bot processes, one MariaDB,"
                    + " one simulated engine (time scale 0) ==%n", tasks.size());
            if (!NODE_ARGS.isEmpty()) {
                System.out.println("node settings: " + String.join(" ", NODE_ARGS));
            }
            System.out.printf(Locale.ROOT, "stored and scheduled in         %.1f s (%.0f tasks/s)%n", loadSeconds,
                    tasks.size() / loadSeconds);
            System.out.printf(Locale.ROOT, "first task started              %.2f s after due%n",
                    Duration.between(due, firstStart).toMillis() / 1000.0);
            System.out.printf(Locale.ROOT, "time to drain (due -> last end) %.1f s%n", drain);
            System.out.printf(Locale.ROOT, "throughput                      %.1f tasks/s%n", tasks.size() / drain);
            System.out.printf(Locale.ROOT, "start delay after due           p50 %.1f s, p99 %.1f s, max %.1f s%n",
                    ConsoleAcceptBenchmark.percentile(startDelays, 0.5),
                    ConsoleAcceptBenchmark.percentile(startDelays, 0.99), startDelays.get(startDelays.size() - 1));
            System.out.printf(Locale.ROOT, "run time of one task            p50 %.2f s, p99 %.2f s, max %.2f s%n",
                    ConsoleAcceptBenchmark.percentile(runTimes, 0.5),
                    ConsoleAcceptBenchmark.percentile(runTimes, 0.99), runTimes.get(runTimes.size() - 1));
            byNode.forEach((node, ran) -> {
                Instant first = ran.stream().map(TaskRecord::startedAt).min(Instant::compareTo).orElseThrow();
                Instant last = ran.stream().map(TaskRecord::finishedAt).max(Instant::compareTo).orElseThrow();
                System.out.printf(Locale.ROOT, "%-31s %d tasks (%.1f %%), busy from +%.1f s to +%.1f s%n", node,
                        ran.size(), 100.0 * ran.size() / tasks.size(),
                        Duration.between(due, first).toMillis() / 1000.0,
                        Duration.between(due, last).toMillis() / 1000.0);
            });
            System.out.printf(Locale.ROOT, "exactly once                    %d succeeded, %d started once, %d VMs,"
                    + " %d creations, 0 duplicates%n", tasks.size(), tasks.size(), vms, creations);
            System.out.println();
        }
    }
}
