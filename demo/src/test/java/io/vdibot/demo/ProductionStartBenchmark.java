package io.vdibot.demo;

import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import io.vdibot.persistence.embedded.EmbeddedMariaDb;
import io.vdibot.persistence.embedded.EmbeddedMariaDbSettings;
import io.vdibot.rhev.simulator.Simulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures, not a test: the production jar ({@code bot-core/target/vdibot.jar}) started as a deployment would start
 * it, pointed by properties at a real MariaDB, an LDAP directory and engines — here the demo's embedded ones, started
 * by this benchmark — and timed from launch to readiness ({@code /actuator/health/readiness} 200), with its resident
 * memory once ready. {@code ./mvnw -B -Pbenchmark -pl demo -am verify -Dbench.runs=3}
 */
@Tag("benchmark")
class ProductionStartBenchmark {

    private static final Path JAR = Path.of("..", "bot-core", "target", "vdibot.jar");

    @Test
    void startUpToReadyAndMemory() throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        Path base = Files.createDirectories(Path.of("target", "bench")).toAbsolutePath();
        Path dataDir = Files.createTempDirectory(base, "start-");
        String binaries = System.getProperty("vdibot.embedded-database.binaries-dir");
        EmbeddedMariaDbSettings db = EmbeddedMariaDbSettings.defaults().withDataDir(dataDir.resolve("mariadb"));
        if (binaries != null) {
            db = db.withBinariesUnder(Path.of(binaries));
        }
        try (EmbeddedMariaDb database = EmbeddedMariaDb.start(db);
                EmbeddedLdapServer directory = EmbeddedLdapServer.start(EmbeddedLdapServer.Settings.demo());
                Simulator engines = Simulator.builder().sites(2).basePort(0).timeScale(0.05).password("vdibot")
                        .stateDir(dataDir.resolve("simulator")).start()) {
            Path ca = Files.writeString(dataDir.resolve("engine-ca.pem"), engines.caCertificatePem());
            System.out.printf("production jar %s: %.1f MB%n", JAR.normalize(), Files.size(JAR) / 1e6);
            List<Long> millis = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                int management = freePort();
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                        JAR.toAbsolutePath().normalize().toString(),
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--vdibot.directory.url=" + directory.url(),
                        "--vdibot.console.enabled=false",
                        "--management.server.port=" + management));
                for (int i = 0; i < engines.sites().size(); i++) {
                    command.add("--vdibot.sites[" + i + "].name=" + engines.sites().get(i).name());
                    command.add("--vdibot.sites[" + i + "].url=" + engines.sites().get(i).apiUrl());
                    command.add("--vdibot.sites[" + i + "].ca-file=" + ca);
                    command.add("--vdibot.sites[" + i + "].password=vdibot");
                }
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
