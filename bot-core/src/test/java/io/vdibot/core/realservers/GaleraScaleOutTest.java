package io.vdibot.core.realservers;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.e2e.BotProcess;
import io.vdibot.core.e2e.TaskLoader;
import io.vdibot.persistence.DataSources;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scale-out on real servers: a three-node MariaDB Galera cluster and two bot processes, each writing to a different
 * Galera node ({@code jdbc:mariadb:sequential://} lists the nodes in another order for each), so that their writes
 * meet in Galera's optimistic certification rather than in one server's locks. 500 {@code vm create} tasks fall due
 * at the same instant; mid-run the Galera node of the first bot and then one of the bots (the one running more tasks
 * at that moment) are killed with SIGKILL. Every task must run exactly once — the task table, the engine and the
 * threads agree — and none is lost; a result the killed bot recorded but had not posted is posted by the other bot.
 * The figures (drain time, retries, takeover time) are printed in one block.
 */
class GaleraScaleOutTest {

    private static final int TASKS = Integer.getInteger("galera.tasks", 500);
    private static final String DB = "vdibot";
    private static final String DB_USER = "vdibot";
    private static final String DB_PASSWORD = "galera-scale-out";
    private static final long VM_MEMORY = 512L << 20;
    private static final Duration LEAD = Duration.ofSeconds(45);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(6);
    private static final Duration STALE_AFTER = Duration.ofSeconds(10);
    private static final Pattern STARTED = Pattern.compile("^\\[(T\\d+)\\] Task T\\d+ \\(vm\\.create\\) has started");
    private static final Pattern RESUMED = Pattern.compile("^\\[(T\\d+)\\] Task T\\d+ \\(vm\\.create\\) is resuming");
    private static final Pattern RESULT = Pattern.compile("^\\[(T\\d+)\\] ok: ");
    private static final Pattern FAILURE = Pattern.compile("^\\[(T\\d+)\\] (error|failed|x): ");
    /** The line with which a bot posts a result that a killed bot recorded and had not posted yet. */
    private static final Pattern LEFT_RESULT = Pattern.compile(
            "^\\[(T\\d+)\\] The bot node that ran it stopped before it could post the full result");

    /** The printed figures, also kept here (bot-core/target/real-servers/). */
    static final Path FIGURES = Path.of("target", "real-servers", "galera-scale-out-figures.txt");

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            try {
                closeable.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    @Test
    void tasksDueAtOnceRunExactlyOnceWhileAGaleraNodeAndABotAreKilled() throws Exception {
        GaleraCluster.requireBinaries();
        Path base = Files.createDirectories(Path.of("target", "real-servers")
                .resolve("galera-" + System.currentTimeMillis()).toAbsolutePath());

        long clusterStart = System.nanoTime();
        GaleraCluster galera = closeLater(GaleraCluster.start(base.resolve("galera"), 3));
        double clusterSeconds = seconds(clusterStart);
        galera.createDatabase(DB, DB_USER, DB_PASSWORD);

        Simulator engines = closeLater(Simulator.builder().sites(1).basePort(0).timeScale(0).password("vdibot")
                .start());
        Path ca = Files.writeString(base.resolve("engine-ca.pem"), engines.caCertificatePem(), StandardCharsets.UTF_8);

        // the test reads and loads through node 3, which is never killed; its reads wait until node 3 has applied
        // every write the cluster committed before them (causal reads), so that it never counts a task's old state
        HikariDataSource dataSource = closeLater(DataSources.pooled(galera.sequentialUrl(DB, 3, 2, 1)
                + "?sessionVariables=wsrep_sync_wait=1", DB_USER, DB_PASSWORD, 6));
        JdbcClient jdbc = JdbcClient.create(dataSource);

        // the first bot migrates the schema alone (Flyway's named lock does not span Galera nodes), then the second
        BotProcess nodeA = closeLater(bot("node-a", base, galera.sequentialUrl(DB, 1, 2, 3), engines, ca));
        awaitSchedulers(jdbc, 1, nodeA);
        BotProcess nodeB = closeLater(bot("node-b", base, galera.sequentialUrl(DB, 2, 3, 1), engines, ca));
        awaitSchedulers(jdbc, 2, nodeB);

        Instant due = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
        long loadStart = System.nanoTime();
        // by four writers at once through node 3, as four intakes would store them
        List<TaskRecord> inserted = new TaskLoader(dataSource, "galera", VM_MEMORY).load(TASKS, due, 4);
        double loadSeconds = seconds(loadStart);
        assertThat(Instant.now()).as("all tasks stored and scheduled before they are due").isBefore(due);

        Run run = drain(jdbc, galera, nodeA, nodeB, due);

        // ---- exactly once, from the database
        List<TaskRecord> finished = new TaskRepository(dataSource).listByStatus(EnumSet.allOf(TaskStatus.class),
                TASKS * 2);
        Map<TaskStatus, Long> byStatus = finished.stream()
                .collect(Collectors.groupingBy(TaskRecord::status, TreeMap::new, Collectors.counting()));
        assertThat(byStatus).as("every task succeeded").isEqualTo(Map.of(TaskStatus.SUCCEEDED, (long) TASKS));
        assertThat(finished).extracting(TaskRecord::id)
                .containsExactlyInAnyOrderElementsOf(inserted.stream().map(TaskRecord::id).toList());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task_step WHERE step_key = 'create-vm' AND status = 'DONE'")
                .query(Long.class).single()).isEqualTo(TASKS);
        Map<Long, Long> createdLogs = countsPerTask(jdbc, "Created VM %");
        Map<Long, Long> reusedLogs = countsPerTask(jdbc, "Found VM %");
        // the engine's creation events below say each VM was created once; the log is not held to exactly one line,
        // as a log line whose commit answer was lost with the killed Galera node is written again
        for (TaskRecord task : finished) {
            long created = createdLogs.getOrDefault(task.id(), 0L);
            long reused = reusedLogs.getOrDefault(task.id(), 0L);
            assertThat(created + reused).as("%s created or found its VM", task.code()).isGreaterThanOrEqualTo(1);
            if (created == 0) {
                assertThat(run.orphans).as("%s found its VM without creating it: only a resumed task may",
                        task.code()).contains(task.code());
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'tasks'")
                .query(Long.class).single()).as("no task's trigger left behind").isZero();

        // ---- exactly once, from the engine
        Engine engine = engines.site("dc1").engine();
        List<String> vmNames = engine.read(() -> engine.estate().vms.values().stream()
                .map(vm -> vm.name).filter(n -> n.startsWith("galera-")).toList());
        assertThat(vmNames).hasSize(TASKS).doesNotHaveDuplicates();
        long creations = engine.read(() -> engine.estate().events.stream()
                .filter(e -> e.code == 34 && e.description != null && e.description.startsWith("VM galera-")).count());
        assertThat(creations).as("VM creation events").isEqualTo(TASKS);

        // ---- exactly once, from the threads (both consoles)
        List<String> lines = awaitResultLines(nodeA, nodeB);
        Map<String, Long> started = countByTask(lines, STARTED);
        Map<String, Long> resumed = countByTask(lines, RESUMED);
        Map<String, Long> results = countByTask(lines, RESULT);
        Map<String, Long> leftResults = countByTask(lines, LEFT_RESULT);
        assertThat(countByTask(lines, FAILURE)).as("failure messages").isEmpty();
        assertThat(started.values()).as("no task started twice").allMatch(n -> n == 1);
        assertThat(resumed.keySet()).as("only tasks of the killed bot resume").isSubsetOf(run.orphans);
        assertThat(leftResults.keySet()).as("a result posted for the killed bot is not also a resumed task's")
                .doesNotContainAnyElementsOf(resumed.keySet());
        for (TaskRecord task : finished) {
            String code = task.code();
            // a result the killed bot had posted but not yet marked posted is posted again by the other bot: a
            // result is posted at least once, and twice only for a task the killed bot ended as it died
            assertThat(results.getOrDefault(code, 0L)).as("result messages of %s", code)
                    .isBetween(1L, leftResults.containsKey(code) ? 2L : 1L);
            assertThat(started.getOrDefault(code, 0L) + resumed.getOrDefault(code, 0L))
                    .as("%s has started or resumed in its thread", code).isGreaterThanOrEqualTo(1);
        }
        assertThat(run.orphans).as("the killed bot was running tasks").isNotEmpty();
        // a task it was running when read may have ended with a commit still on its way: its result is then posted
        // for it rather than the task resumed
        Set<String> resumedOrPosted = new java.util.TreeSet<>(resumed.keySet());
        resumedOrPosted.addAll(leftResults.keySet());
        assertThat(resumedOrPosted).as("the other bot resumed its tasks or posted their results")
                .containsAll(run.orphans);

        Figures figures = new Figures(clusterSeconds, loadSeconds, due, finished, run, galera,
                List.of(nodeA, nodeB), vmNames.size(), creations, resumed.size(), leftResults.size(),
                results.values().stream().filter(n -> n > 1).count());
        figures.print();
    }

    // ---------------------------------------------------------------- the run and its two kills

    /** What happened while the tasks drained. */
    private static final class Run {
        Instant nodeKilled;
        long finishedAtNodeKill;
        /** n1's own counters, read just before it was killed (they die with it). */
        long n1CertFailures;
        long n1BfAborts;
        Instant botKilled;
        long finishedAtBotKill;
        /** The bot killed, and the one that goes on. */
        String victim;
        String survivor;
        /** Tasks the killed bot was running (status RUNNING, claimed by it) when it died. */
        final Set<String> orphans = new java.util.TreeSet<>();
        /** When each orphan was claimed by the surviving bot. */
        final Map<String, Instant> takenOver = new LinkedHashMap<>();
        Instant drained;
    }

    private static Run drain(JdbcClient jdbc, GaleraCluster galera, BotProcess nodeA, BotProcess nodeB, Instant due)
            throws InterruptedException {
        Run run = new Run();
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos() + LEAD.toNanos();
        long lastReport = 0;
        while (true) {
            Map<String, Long> byStatus = new TreeMap<>();
            jdbc.sql("SELECT status, COUNT(*) AS n FROM task GROUP BY status")
                    .query((rs, n) -> byStatus.put(rs.getString("status"), rs.getLong("n"))).list();
            long finished = byStatus.entrySet().stream()
                    .filter(e -> TaskStatus.valueOf(e.getKey()).isFinal()).mapToLong(Map.Entry::getValue).sum();

            if (run.nodeKilled == null && finished >= TASKS / 5) {
                run.n1CertFailures = Long.parseLong(galera.status(1, "wsrep_local_cert_failures"));
                run.n1BfAborts = Long.parseLong(galera.status(1, "wsrep_local_bf_aborts"));
                galera.kill(1);
                run.nodeKilled = Instant.now();
                run.finishedAtNodeKill = finished;
                System.out.printf(Locale.ROOT, "  %5.1f s after due: killed Galera node n1 (node-a's) at %d finished%n",
                        sinceDue(due), finished);
            }
            if (run.nodeKilled != null && run.botKilled == null && finished >= TASKS - 20) {
                throw new AssertionError("no bot ran a task after n1 was killed; nothing to take over: " + byStatus);
            }
            // 3 s or more after n1, at the first poll where a bot is running tasks, the bot running more of them is
            // killed, so that the other has something to take over. Which one it is varies: how many tasks each bot
            // wins varies a lot from run to run (one ran 4 of 500 in a run, 149 in another)
            if (run.nodeKilled != null && run.botKilled == null
                    && Duration.between(run.nodeKilled, Instant.now()).toSeconds() >= 3) {
                Map<String, Long> running = new TreeMap<>();
                jdbc.sql("SELECT claimed_by, COUNT(*) AS n FROM task WHERE status = 'RUNNING' GROUP BY claimed_by")
                        .query((rs, n) -> running.put(rs.getString("claimed_by"), rs.getLong("n"))).list();
                String victim = running.entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey).orElse(null);
                if (victim != null) {
                    BotProcess killed = victim.equals(nodeA.name()) ? nodeA : nodeB;
                    run.victim = killed.name();
                    run.survivor = killed == nodeA ? nodeB.name() : nodeA.name();
                    killed.kill();
                    run.botKilled = Instant.now();
                    run.finishedAtBotKill = finished;
                    collectOrphans(jdbc, run);
                    System.out.printf(Locale.ROOT, "  %5.1f s after due: killed bot %s at %d finished,"
                            + " running %s%n", sinceDue(due), run.victim, finished, run.orphans);
                }
            } else if (run.botKilled != null) {
                // a claim the killed bot committed just before it died can reach node 3 after the first read
                collectOrphans(jdbc, run);
            }
            if (run.botKilled != null && run.takenOver.size() < run.orphans.size()) {
                for (String code : run.orphans) {
                    if (!run.takenOver.containsKey(code)) {
                        String owner = jdbc.sql("SELECT claimed_by FROM task WHERE id = :id")
                                .param("id", Long.parseLong(code.substring(1))).query(String.class).single();
                        if (run.survivor.equals(owner)) {
                            run.takenOver.put(code, Instant.now());
                        }
                    }
                }
            }
            // a result the killed bot recorded and had not posted is posted by the other bot once it finds the killed
            // one silent, maybe after the last task ended
            if (finished >= TASKS && run.botKilled != null && jdbc.sql("SELECT COUNT(*) FROM task WHERE result_pending")
                    .query(Long.class).single() == 0) {
                run.drained = Instant.now();
                return run;
            }
            for (BotProcess bot : List.of(nodeA, nodeB)) {
                if (!bot.isAlive() && !bot.name().equals(run.victim)) {
                    List<String> output = bot.allOutput();
                    throw new AssertionError(bot.name() + " died: "
                            + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())));
                }
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L && Instant.now().isAfter(due)) {
                System.out.printf(Locale.ROOT, "  %5.1f s after due: %s%n", sinceDue(due), byStatus);
                lastReport = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not drained within " + DRAIN_LIMIT + " after due: " + byStatus);
            }
            Thread.sleep(200);
        }
    }

    /**
     * Both consoles' lines once each task's result has been printed: a result is marked posted after it was written,
     * and the test reads the bots' output through pipes.
     */
    private static List<String> awaitResultLines(BotProcess nodeA, BotProcess nodeB) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> lines = new ArrayList<>(nodeA.lines());
            lines.addAll(nodeB.lines());
            if (countByTask(lines, RESULT).size() >= TASKS || System.nanoTime() > deadline) {
                return lines;
            }
            Thread.sleep(200);
        }
    }

    /** Adds the tasks the killed bot still holds: it can claim no more, so the union is what it held when it died. */
    private static void collectOrphans(JdbcClient jdbc, Run run) {
        jdbc.sql("SELECT id FROM task WHERE status = 'RUNNING' AND claimed_by = :bot")
                .param("bot", run.victim).query(Long.class).list()
                .forEach(id -> run.orphans.add("T" + id));
    }

    // ---------------------------------------------------------------- set-up

    private static BotProcess bot(String node, Path base, String url, Simulator engines, Path ca) {
        return BotProcess.launch(node, base.resolve("logs"), List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                List.of("--vdibot.node-id=" + node,
                        "--vdibot.data-dir=" + base.resolve(node),
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + DB_USER,
                        "--spring.datasource.password=" + DB_PASSWORD,
                        "--vdibot.sites[0].name=dc1",
                        "--vdibot.sites[0].url=" + engines.site("dc1").apiUrl(),
                        "--vdibot.sites[0].ca-file=" + ca,
                        "--vdibot.sites[0].password=vdibot",
                        "--vdibot.execution.heartbeat=1s",
                        "--vdibot.execution.stale-after=" + STALE_AFTER.toSeconds() + "s",
                        "--vdibot.console.enabled=true"));
    }

    /** Waits until {@code count} bot processes have joined the Quartz cluster (so finished migrating and starting). */
    private static void awaitSchedulers(JdbcClient jdbc, int count, BotProcess starting) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                if (jdbc.sql("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE").query(Long.class).single() >= count) {
                    return;
                }
            } catch (RuntimeException notMigratedYet) {
                // the first bot creates the tables
            }
            if (!starting.isAlive()) {
                throw new AssertionError(starting.name() + " stopped while starting:\n"
                        + String.join("\n", starting.allOutput()));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(starting.name() + " did not join the Quartz cluster");
            }
            Thread.sleep(200);
        }
    }

    // ---------------------------------------------------------------- counting

    private static Map<Long, Long> countsPerTask(JdbcClient jdbc, String like) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("SELECT task_id, COUNT(*) AS n FROM task_log WHERE message LIKE :like GROUP BY task_id")
                .param("like", like)
                .query((rs, n) -> counts.put(rs.getLong("task_id"), rs.getLong("n"))).list();
        return counts;
    }

    private static Map<String, Long> countByTask(List<String> lines, Pattern pattern) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                counts.merge(m.group(1), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static long countLogLines(List<BotProcess> bots, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return bots.stream().flatMap(b -> b.allOutput().stream()).filter(l -> pattern.matcher(l).find()).count();
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double sinceDue(Instant due) {
        return Duration.between(due, Instant.now()).toMillis() / 1000.0;
    }

    private static double between(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** The figures, printed in one marked block. */
    private record Figures(double clusterSeconds, double loadSeconds, Instant due, List<TaskRecord> tasks, Run run,
            GaleraCluster galera, List<BotProcess> bots, int vms, long creations, int resumed, int leftResults,
            long postedTwice) {

        void print() {
            Instant firstStart = tasks.stream().map(TaskRecord::startedAt).min(Instant::compareTo).orElseThrow();
            Instant lastFinish = tasks.stream().map(TaskRecord::finishedAt).max(Instant::compareTo).orElseThrow();
            Map<String, Long> byNode = tasks.stream()
                    .collect(Collectors.groupingBy(TaskRecord::claimedBy, TreeMap::new, Collectors.counting()));
            List<Instant> takeovers = run.takenOver.values().stream().sorted().toList();
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%n==== GALERA SCALE-OUT FIGURES ====%n"));
            out.append(String.format(Locale.ROOT, "%d vm.create tasks due at one instant; 3 Galera nodes (MariaDB %s);"
                    + " 2 bot processes: node-a -> n1,n2,n3, node-b -> n2,n3,n1 (sequential failover)%n", tasks.size(),
                    galera.sql(3, "SELECT VERSION()")));
            out.append(String.format(Locale.ROOT, "cluster start (3 nodes, rsync SST)  %.1f s%n", clusterSeconds));
            out.append(String.format(Locale.ROOT, "stored and scheduled (via n3)      %.1f s%n", loadSeconds));
            out.append(String.format(Locale.ROOT, "first task started                 %.2f s after due%n",
                    between(due, firstStart)));
            out.append(String.format(Locale.ROOT, "drain time (due -> last end)       %.1f s (%.1f tasks/s)%n",
                    between(due, lastFinish), tasks.size() / between(due, lastFinish)));
            out.append(String.format(Locale.ROOT, "Galera node n1 killed              +%.1f s, %d tasks finished%n",
                    between(due, run.nodeKilled), run.finishedAtNodeKill));
            out.append(String.format(Locale.ROOT, "bot %s killed                  +%.1f s, %d finished,"
                    + " %d running: %s%n", run.victim,
                    between(due, run.botKilled), run.finishedAtBotKill, run.orphans.size(), run.orphans));
            if (!takeovers.isEmpty()) {
                out.append(String.format(Locale.ROOT, "takeover time (kill -> claimed)    first %.1f s, last %.1f s"
                        + " (stale-after %d s)%n", between(run.botKilled, takeovers.get(0)),
                        between(run.botKilled, takeovers.get(takeovers.size() - 1)), STALE_AFTER.toSeconds()));
            }
            byNode.forEach((node, n) -> out.append(String.format(Locale.ROOT, "%-34s %d tasks%n", "finished by " + node,
                    n)));
            out.append(String.format(Locale.ROOT, "retries: Galera certification failures %d, brute-force aborts %d"
                    + " (n2 and n3 at the end, n1 just before its kill)%n",
                    galera.sumOfStatus("wsrep_local_cert_failures") + run.n1CertFailures,
                    galera.sumOfStatus("wsrep_local_bf_aborts") + run.n1BfAborts));
            out.append(String.format(Locale.ROOT, "retries: bot database retries logged %d, Quartz job-store errors"
                    + " logged %d, deadlocks reported %d%n",
                    countLogLines(bots, "retrying in \\d+ ms"),
                    countLogLines(bots, "(?i)(JobPersistenceException|error occurred while scanning|"
                            + "Couldn't (acquire|release|store|remove|retrieve))"),
                    countLogLines(bots, "(?i)deadlock")));
            out.append(String.format(Locale.ROOT, "exactly once: %d succeeded, %d VMs, %d creation events%n",
                    tasks.size(), vms, creations));
            out.append(String.format(Locale.ROOT, "the killed bot's tasks: %d resumed by the other; %d ended by it"
                    + " and their results posted by the other; %d results posted twice%n", resumed, leftResults,
                    postedTwice));
            out.append(String.format(Locale.ROOT, "==== END GALERA SCALE-OUT FIGURES ====%n"));
            System.out.print(out);
            // surefire keeps test output in per-class files; this one is easier to find
            try {
                Files.writeString(FIGURES, out.toString(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                System.out.println("cannot write " + FIGURES + ": " + e.getMessage());
            }
        }
    }
}
