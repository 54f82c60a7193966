package io.vdibot.rhev.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.support.Sites;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Picker lookups ({@link InventoryCache#names}) against one site of 10,000 generated VMs and their templates, as a
 * chat picker asks at every keystroke: random prefixes of one to four characters, at most 100 names (Slack's
 * limit). Measured warm (lists cached) and from cold (the first lookup after a refresh loads the VM list over
 * HTTPS and builds its index); the p99 of either must stay under 50 ms. Prints figures; runs only with
 * {@code -Pbenchmark}.
 */
@Tag("benchmark")
class InventoryLookupBenchmark {

    private static final int SCALE = 10_000;
    private static final int LIMIT = 100;
    private static final int WARM_UP = 5_000;
    private static final int WARM = 50_000;
    private static final int COLD_ROUNDS = 3;
    private static final int PER_COLD_ROUND = 2_000;
    private static final double P99_BUDGET_MS = 50;

    private static Sites sites;
    private static InventoryCache cache;
    private static List<String> vmNames;
    private static List<String> templateNames;

    @BeforeAll
    static void start() {
        sites = Sites.start(Simulator.builder().sites(1).basePort(0).timeScale(0.01).scale(SCALE));
        cache = new InventoryCache(new InventoryQueries(new EngineCalls(sites.connections())));
        vmNames = cache.vms("dc1").stream().map(VmInfo::name).toList();
        templateNames = cache.templates("dc1").stream().map(TemplateInfo::name).distinct().toList();
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    @Test
    void prefixLookupsStayUnderFiftyMillisecondsAtP99() {
        assertThat(vmNames.size() + templateNames.size()).isGreaterThanOrEqualTo(SCALE);
        Random random = new Random(20261126);

        run(random, WARM_UP);
        long[] warm = run(random, WARM);

        List<Long> coldLoads = new ArrayList<>();
        long[] withCold = new long[0];
        for (int round = 0; round < COLD_ROUNDS; round++) {
            cache.refresh("dc1");
            long started = System.nanoTime();
            cache.names("dc1", InventoryKind.VMS, "d", LIMIT);
            coldLoads.add(System.nanoTime() - started);
            long[] rest = run(random, PER_COLD_ROUND - 1);
            long[] merged = Arrays.copyOf(withCold, withCold.length + 1 + rest.length);
            merged[withCold.length] = coldLoads.get(round);
            System.arraycopy(rest, 0, merged, withCold.length + 1, rest.length);
            withCold = merged;
        }
        long[] scan = scan(random, 2_000);

        List<String> figures = List.of(
                String.format(Locale.ROOT, "names at site dc1: %d VMs + %d templates = %d", vmNames.size(),
                        templateNames.size(), vmNames.size() + templateNames.size()),
                String.format(Locale.ROOT, "lookups: random prefixes of 1-4 characters, VMs and templates alike, "
                        + "at most %d names each", LIMIT),
                "warm (lists cached)        " + summary(warm),
                "including cold loads       " + summary(withCold),
                String.format(Locale.ROOT, "cold load (refresh, then the first lookup loads %d VMs over HTTPS and "
                        + "indexes them): %s ms", vmNames.size(), coldLoads.stream()
                        .map(n -> String.format(Locale.ROOT, "%.0f", n / 1e6)).toList()),
                "a scan of every name instead (what the index replaces) " + summary(scan));
        System.out.println();
        System.out.println("==== inventory lookup benchmark (" + Instant.now() + ") ====");
        figures.forEach(line -> System.out.println("  " + line));
        System.out.println("==== end of figures ====");
        System.out.println();

        assertThat(percentile(warm, 99) / 1e6).as("warm p99 in ms").isLessThan(P99_BUDGET_MS);
        assertThat(percentile(withCold, 99) / 1e6).as("p99 in ms including cold loads").isLessThan(P99_BUDGET_MS);
    }

    private static long[] run(Random random, int lookups) {
        long[] nanos = new long[lookups];
        int found = 0;
        for (int i = 0; i < lookups; i++) {
            boolean vms = random.nextInt(4) != 0;
            String prefix = prefix(random, vms ? vmNames : templateNames);
            long started = System.nanoTime();
            List<String> names = cache.names("dc1", vms ? InventoryKind.VMS : InventoryKind.TEMPLATES, prefix,
                    LIMIT);
            nanos[i] = System.nanoTime() - started;
            found += names.isEmpty() ? 0 : 1;
        }
        // most prefixes are taken from real names, so most lookups find something
        assertThat(found).isGreaterThan(lookups / 2);
        return nanos;
    }

    /** The same lookups done by filtering and sorting the whole list, for comparison. */
    private static long[] scan(Random random, int lookups) {
        List<VmInfo> vms = cache.vms("dc1");
        long[] nanos = new long[lookups];
        for (int i = 0; i < lookups; i++) {
            String prefix = prefix(random, vmNames).toLowerCase(Locale.ROOT);
            long started = System.nanoTime();
            List<String> names = vms.stream().map(VmInfo::name)
                    .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(prefix)).distinct()
                    .sorted(String.CASE_INSENSITIVE_ORDER).limit(LIMIT).toList();
            nanos[i] = System.nanoTime() - started;
            assertThat(names.size()).isLessThanOrEqualTo(LIMIT);
        }
        return nanos;
    }

    /** One to four characters: mostly the start of a real name in random case, sometimes random letters. */
    private static String prefix(Random random, List<String> names) {
        int length = 1 + random.nextInt(4);
        if (random.nextInt(10) == 0) {
            StringBuilder letters = new StringBuilder();
            for (int i = 0; i < length; i++) {
                letters.append((char) ('a' + random.nextInt(26)));
            }
            return letters.toString();
        }
        String name = names.get(random.nextInt(names.size()));
        String start = name.substring(0, Math.min(length, name.length()));
        return random.nextBoolean() ? start.toUpperCase(Locale.ROOT) : start;
    }

    private static String summary(long[] nanos) {
        return String.format(Locale.ROOT, "n=%-6d p50 %8.3f ms   p99 %8.3f ms   max %9.3f ms", nanos.length,
                percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6, percentile(nanos, 100) / 1e6);
    }

    private static long percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
