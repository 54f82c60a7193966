package io.vdibot.demo;

import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import io.vdibot.persistence.embedded.EmbeddedMariaDb;
import io.vdibot.persistence.embedded.EmbeddedMariaDbSettings;
import io.vdibot.rhev.simulator.Simulator;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures, not a test: the production jar ({@code bot-core/target/vdibot.jar}) started as a deployment would start
 * it, pointed by properties at a real MariaDB, an LDAP directory and engines — here the demo's embedded ones, started
 * by this benchmark — and timed from launch to readiness ({@code /actuator/health/readiness} 200), with its resident
 * memory once ready, and its memory after it has run a thousand tasks.
 * {@code ./mvnw -B -Pbenchmark -pl demo -am verify -Dbench.runs=3 -Dbench.tasks=1000}
 */
@Tag("benchmark")
class ProductionStartBenchmark {

    private static final Path JAR = Path.of("..", "bot-core", "target", "vdibot.jar");

    @Test
    void startUpToReadyAndMemory() throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        Path dataDir = Files.createTempDirectory(benchDir(), "start-");
        try (EmbeddedMariaDb database = startDatabase(dataDir);
                EmbeddedLdapServer directory = EmbeddedLdapServer.start(EmbeddedLdapServer.Settings.demo());
                Simulator engines = Simulator.builder().sites(2).basePort(0).timeScale(0.05).password("vdibot")
                        .stateDir(dataDir.resolve("simulator")).start()) {
            Path ca = Files.writeString(dataDir.resolve("engine-ca.pem"), engines.caCertificatePem());
            System.out.printf("production jar %s: %.1f MB%n", JAR.normalize(), Files.size(JAR) / 1e6);
            List<Long> millis = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                int management = freePort();
                List<String> command = botCommand(database, directory, engines, ca, management,
                        "--vdibot.console.enabled=false");
                Path log = dataDir.resolve("run-" + run + ".log");
                long start = System.nanoTime();
                Process bot = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                try {
                    awaitReady(bot, management, log);
                    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    Thread.sleep(2000); // let the start-up's garbage settle a little, as a probe period would
                    long kib = rssKib(bot.pid());
                    millis.add(elapsed);
                    rss.add(kib);
                    System.out.printf("run %d: ready after %d ms, RSS %.0f MiB%n", run, elapsed, kib / 1024.0);
                } finally {
                    bot.destroy();
                    if (!bot.waitFor(30, TimeUnit.SECONDS)) {
                        bot.destroyForcibly();
                    }
                }
            }
            System.out.printf("production jar start-up to ready: median %d ms (runs %s); RSS when ready: median %.0f MiB%n",
                    median(millis), millis, median(rss) / 1024.0);
        }
    }

    /**
     * One production process, its console fed {@code bench.tasks} VM creations (the intake path a chat request
     * takes), its resident memory read when ready, after the requests were accepted and after every task ended.
     */
    @Test
    void memoryAfterThousandTasks() throws Exception {
        int taskCount = Integer.getInteger("bench.tasks", 1000);
        Path dataDir = Files.createTempDirectory(benchDir(), "tasks-");
        try (EmbeddedMariaDb database = startDatabase(dataDir);
                EmbeddedLdapServer directory = EmbeddedLdapServer.start(EmbeddedLdapServer.Settings.demo());
                Simulator engines = Simulator.builder().sites(1).basePort(0).timeScale(0.01).password("vdibot")
                        .stateDir(dataDir.resolve("simulator")).start()) {
            Path ca = Files.writeString(dataDir.resolve("engine-ca.pem"), engines.caCertificatePem());
            int management = freePort();
            List<String> command = botCommand(database, directory, engines, ca, management,
                    "--vdibot.data-dir=" + dataDir.resolve("bot"), "--vdibot.console.enabled=true");
            Path log = dataDir.resolve("tasks.log");
            Path out = dataDir.resolve("tasks.out");
            Process bot = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(out.toFile()).start();
            try (Writer console = new OutputStreamWriter(bot.getOutputStream(), StandardCharsets.UTF_8)) {
                awaitReady(bot, management, log);
                long ready = rssKib(bot.pid());
                long start = System.nanoTime();
                for (int i = 0; i < taskCount; i++) {
                    // half a GiB each, so that a thousand fit on the simulated hosts and every task can succeed
                    console.write(String.format(Locale.ROOT,
                            "/vdi vm create rss-%04d template=rhel9-desktop memory=512MiB%n", i));
                }
                console.flush();
                try (Connection jdbc = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                        database.password())) {
                    awaitCount(jdbc, bot, log, "SELECT COUNT(*) FROM task", taskCount);
                    long accepted = rssKib(bot.pid());
                    long acceptedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    awaitCount(jdbc, bot, log, "SELECT COUNT(*) FROM task WHERE status IN ('SUCCEEDED', "
                            + "'PARTIALLY_SUCCEEDED', 'FAILED', 'CANCELLED', 'REJECTED', 'REFUSED', 'INTERRUPTED')",
                            taskCount);
                    long doneMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    long done = rssKib(bot.pid());
                    long succeeded = count(jdbc, "SELECT COUNT(*) FROM task WHERE status = 'SUCCEEDED'");
                    System.out.printf("%d tasks: accepted in %d ms, ended in %d ms (%d succeeded); RSS ready %.0f MiB,"
                                    + " all accepted %.0f MiB, all ended %.0f MiB%n", taskCount, acceptedMillis,
                            doneMillis, succeeded, ready / 1024.0, accepted / 1024.0, done / 1024.0);
                }
            } finally {
                bot.destroy();
                if (!bot.waitFor(30, TimeUnit.SECONDS)) {
                    bot.destroyForcibly();
                }
            }
        }
    }

    private static Path benchDir() throws IOException {
        return Files.createDirectories(Path.of("target", "bench")).toAbsolutePath();
    }

    private static EmbeddedMariaDb startDatabase(Path dataDir) {
        String binaries = System.getProperty("vdibot.embedded-database.binaries-dir");
        EmbeddedMariaDbSettings db = EmbeddedMariaDbSettings.defaults().withDataDir(dataDir.resolve("mariadb"));
        if (binaries != null) {
            db = db.withBinariesUnder(Path.of(binaries));
        }
        return EmbeddedMariaDb.start(db);
    }

    /** The production jar's command line, pointed by properties at the given servers, as a deployment points it. */
    private static List<String> botCommand(EmbeddedMariaDb database, EmbeddedLdapServer directory, Simulator engines,
            Path ca, int managementPort, String... more) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().normalize().toString(),
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--vdibot.directory.url=" + directory.url(),
                "--management.server.port=" + managementPort));
        for (int i = 0; i < engines.sites().size(); i++) {
            command.add("--vdibot.sites[" + i + "].name=" + engines.sites().get(i).name());
            command.add("--vdibot.sites[" + i + "].url=" + engines.sites().get(i).apiUrl());
            command.add("--vdibot.sites[" + i + "].ca-file=" + ca);
            command.add("--vdibot.sites[" + i + "].password=vdibot");
        }
        command.addAll(List.of(more));
        return command;
    }

    private static void awaitCount(Connection jdbc, Process bot, Path log, String sql, long wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        long seen = -1;
        while (System.nanoTime() < deadline) {
            if (!bot.isAlive()) {
                throw new IllegalStateException("the bot exited with " + bot.exitValue() + "; see " + log);
            }
            seen = count(jdbc, sql);
            if (seen >= wanted) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(seen + " of " + wanted + " after 30 minutes: " + sql + "; see " + log);
    }

    private static long count(Connection jdbc, String sql) throws Exception {
        try (Statement statement = jdbc.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void awaitReady(Process bot, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!bot.isAlive()) {
                throw new IllegalStateException("the bot exited with " + bot.exitValue() + "; see " + log);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the management port is not open yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not ready within 3 minutes; see " + log);
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
