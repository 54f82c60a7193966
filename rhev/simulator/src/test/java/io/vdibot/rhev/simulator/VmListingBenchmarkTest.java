package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.types.Vm;

/**
 * How fast one site with 10,000 generated VMs answers the heaviest list a client makes: every VM
 * with its NICs embedded ({@code GET /vms?follow=nics}) through the SDK, as the bot's inventory
 * refresh does. Prints figures; it is not a timed test and only runs with {@code -Pbenchmark}.
 */
@Tag("benchmark")
class VmListingBenchmarkTest {

    private static final int SCALE = 10_000;
    private static final int WARM_UP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 30;

    private static SimulatorFixture fixture;
    private static int expectedVms;

    @BeforeAll
    static void start() {
        long before = System.nanoTime();
        fixture = SimulatorFixture.start(b -> b.sites(1).scale(SCALE));
        System.out.printf(Locale.ROOT, "simulator with %d generated VMs started in %d ms%n", SCALE,
                (System.nanoTime() - before) / 1_000_000);
        expectedVms = fixture.simulator().site("dc1").engine().read(() ->
                fixture.simulator().site("dc1").engine().estate().vms.size());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void listAllVmsWithNics() throws Exception {
        RawApi raw = RawApi.connect(fixture, "dc1");
        HttpResponse<String> sample = raw.get("vms?follow=nics");
        assertThat(sample.statusCode()).isEqualTo(200);
        long responseBytes = sample.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<String> figures = new ArrayList<>();
        figures.add(String.format(Locale.ROOT, "VMs listed per request: %d (follow=nics), response size %.1f MiB",
                expectedVms, responseBytes / 1048576.0));
        figures.add(run("SDK, 1 thread ", 1));
        figures.add(run("SDK, 4 threads", 4));
        figures.add(rawRun("raw HTTP, 1 thread (no SDK parsing)", raw));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapUsed = memory.getHeapMemoryUsage().getUsed();
        figures.add(String.format(Locale.ROOT,
                "heap used after GC: %.1f MiB (simulator and test client share this JVM)", heapUsed / 1048576.0));
        figures.add(String.format(Locale.ROOT, "machine: %d CPUs, system load average %.1f before, %.1f after "
                + "(client and server compete for the same CPUs)", Runtime.getRuntime().availableProcessors(),
                loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        System.out.println();
        System.out.println("==== simulator benchmark: GET /vms?follow=nics, " + SCALE + " generated VMs ("
                + Instant.now() + ") ====");
        figures.forEach(line -> System.out.println("  " + line));
        System.out.println("==== end of figures ====");
        System.out.println();
    }

    /** Warm-up, then measured rounds; every thread has its own SDK connection, as the bot's sites do. */
    private static String run(String label, int threads) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            connections.add(fixture.connect("dc1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            rounds(pool, connections, WARM_UP_ROUNDS);
            long start = System.nanoTime();
            long[] latencies = rounds(pool, connections, MEASURED_ROUNDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            return summary(label, latencies, seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] rounds(ExecutorService pool, List<Connection> connections, int rounds) throws Exception {
        List<Future<long[]>> results = new ArrayList<>();
        for (Connection connection : connections) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[rounds];
                for (int i = 0; i < rounds; i++) {
                    long start = System.nanoTime();
                    List<Vm> vms = connection.systemService().vmsService().list().follow("nics").send().vms();
                    latencies[i] = System.nanoTime() - start;
                    assertThat(vms).hasSize(expectedVms);
                    assertThat(vms.get(vms.size() - 1).nics()).isNotEmpty();
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            Arrays.stream(result.get()).forEach(all::add);
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private static String rawRun(String label, RawApi raw) {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            raw.get("vms?follow=nics");
        }
        long[] latencies = new long[MEASURED_ROUNDS];
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            long t = System.nanoTime();
            assertThat(raw.get("vms?follow=nics").statusCode()).isEqualTo(200);
            latencies[i] = System.nanoTime() - t;
        }
        return summary(label, latencies, (System.nanoTime() - start) / 1e9);
    }

    private static String summary(String label, long[] latencies, double seconds) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%s: %d requests, %.2f requests/s, p50 %.0f ms, p99 %.0f ms",
                label, sorted.length, sorted.length / seconds, percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6);
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
