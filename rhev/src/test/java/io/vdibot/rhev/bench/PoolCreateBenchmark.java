package io.vdibot.rhev.bench;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolType;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.reply.Reply;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.connect.ConnectionSettings;
import io.vdibot.rhev.connect.EngineConnections;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.pool.PoolHandlers;
import io.vdibot.rhev.pool.PoolLimits;
import io.vdibot.rhev.pool.PoolTimings;
import io.vdibot.rhev.simulator.SimulatedSite;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineTiming;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.support.RecordingTask;
import io.vdibot.rhev.support.Sites;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 239-VM pool in batches of 25, every VM prestarted, on one simulated site running 20 times faster than a real
 * engine: how many engine calls the handler makes (counted by the simulator, by kind), and how much wall time it
 * spends beyond the engine's own modelled time along the critical path. The critical path of a batch is the engine
 * adding all its VMs before it answers (AddVmPool and UpdateVmPool add every VM at once), their disks, then start,
 * boot and the guest agent's first report, all from {@link EngineTiming}; batches follow each other. The handler is driven directly with limits that allow
 * 239 VMs (the default limit is 238), and with the default timings scaled by the time scale, as a deployment on such
 * an engine would set them. Prints figures; runs only with {@code -Pbenchmark}.
 */
@Tag("benchmark")
class PoolCreateBenchmark {

    private static final double TIME_SCALE = 0.05;
    private static final int SIZE = 239;
    private static final int BATCH = 25;
    /** The default timings, scaled as for an engine that runs 20 times faster than a real one. */
    private static final PoolTimings TIMINGS = PoolTimings.DEFAULTS.scaled(TIME_SCALE);

    private static Sites sites;
    private static InventoryCache inventory;

    @BeforeAll
    static void start() {
        sites = Sites.start(Simulator.builder().sites(1).basePort(0).timeScale(TIME_SCALE));
        EngineCalls calls = new EngineCalls(sites.track(new EngineConnections(List.of(sites.config("dc1")),
                new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), 8))),
                new RetryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(500)), Sleeper.system());
        inventory = new InventoryCache(new InventoryQueries(calls));
        // warm the connection (SSO token, TLS) so that the figures are about the pool, not the login
        inventory.queries().clusters("dc1", inventory.dataCenters("dc1"));
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    @Test
    void aPoolOf239VmsInBatchesOf25() {
        SimulatedSite site = sites.simulator().site("dc1");
        Engine engine = site.engine();
        @SuppressWarnings("unchecked")
        TaskHandler<PoolCreateRequest> handler = (TaskHandler<PoolCreateRequest>) PoolHandlers.all(inventory,
                new PoolLimits(SIZE, BATCH), TIMINGS, Clock.systemUTC(), Sleeper.system()).stream()
                .filter(h -> h.requestType() == PoolCreateRequest.class).findFirst().orElseThrow();
        PoolCreateRequest request = new PoolCreateRequest("bench-???", "rhel9-desktop", SIZE, BATCH, SIZE, 1,
                PoolType.AUTOMATIC, null, null, "dc1", null, null, null, "Benchmark pool",
                Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC")));
        // a small pool first, so that class loading and JIT warm-up are not counted as overhead
        run(handler, RecordingTask.of("T9000", new PoolCreateRequest("bench-warm", "rhel9-desktop", 3, 2, 3, 1,
                PoolType.AUTOMATIC, null, null, "dc1", null, null, null, null,
                Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC"))), "dc1"));
        RecordingTask task = RecordingTask.of("T9001", request, "dc1");
        Map<String, Long> before = site.requestCounts();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        long started = System.nanoTime();
        TaskOutcome outcome = run(handler, task);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);

        Map<String, Long> calls = new TreeMap<>();
        site.requestCounts().forEach((route, count) -> {
            long made = count - before.getOrDefault(route, 0L);
            if (made > 0) {
                calls.put(route, made);
            }
        });
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        Duration modelled = modelledTime(engine.timing());
        Duration overhead = wall.minus(modelled);

        System.out.println();
        System.out.println("== pool.create benchmark: " + SIZE + " VMs, batches of " + BATCH + ", time scale "
                + TIME_SCALE + " ==");
        System.out.printf(Locale.ROOT, "outcome            %s (%s)%n", outcome.status(), outcome.summary());
        System.out.printf(Locale.ROOT, "engine API calls   %d in all, %.2f per VM%n", total, (double) total / SIZE);
        calls.forEach((route, count) -> System.out.printf(Locale.ROOT, "  %-36s %6d%n", route, count));
        System.out.printf(Locale.ROOT, "wall time          %.2f s%n", wall.toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "modelled time      %.2f s (engine timing along the critical path)%n",
                modelled.toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "overhead           %.2f s = %.1f %% of the modelled time (target <= 5 %%)%n",
                overhead.toMillis() / 1000.0, 100.0 * overhead.toMillis() / modelled.toMillis());
        System.out.printf(Locale.ROOT, "pace               looks %d ms to %d ms apart, %.1f %% of the time waited, first "
                + "look at %.0f %% of the time learned%n", TIMINGS.pace().min().toMillis(),
                TIMINGS.pace().max().toMillis(), 100 * TIMINGS.pace().fraction(), 100 * TIMINGS.pace().firstLook());
        System.out.printf(Locale.ROOT, "machine            %d processors, load average %.1f before, %.1f after%n",
                Runtime.getRuntime().availableProcessors(), loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(task.progressLines().size() + " progress lines, " + task.milestones().size()
                + " milestones, " + task.deployLog().size() + " deploy log entries, " + task.errorLog().size()
                + " error log entries");

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        PoolEntity pool = engine.read(() -> engine.estate().pools.values().stream()
                .filter(p -> p.name.equals("bench-???")).findFirst().orElseThrow());
        List<VmEntity> vms = engine.read(() -> engine.estate().vms.values().stream()
                .filter(vm -> pool.id.equals(vm.poolId)).toList());
        assertThat(vms).hasSize(SIZE).allSatisfy(vm -> {
            assertThat(vm.status).isEqualTo("up");
            assertThat(vm.reportedIps).isNotEmpty();
        });
        // collection queries only: nothing is read one VM at a time
        assertThat(calls).doesNotContainKeys("GET vms/{id}", "GET vms/{id}/reporteddevices");
        // 239 running VMs of 4 GiB take 96 % of Linux-Desktops' free memory: the preflight says so first
        assertThat(task.milestones().get(0).tone()).isEqualTo(Reply.Tone.WARNING);
        assertThat(task.milestones().get(0).plainText()).startsWith("Memory is getting short: pool bench-???");
        assertThat(task.milestones().subList(1, task.milestones().size())).hasSize((SIZE + BATCH - 1) / BATCH);
    }

    /**
     * The engine's own time for the pool: per batch, every VM is added before the pool command answers (no modelled
     * time), their disks are created side by side, then every VM of the batch is started at once and boots and
     * reports its address side by side. Adding VMs one after another no longer takes engine time, so counting it
     * would hide the handler's own overhead.
     */
    private static Duration modelledTime(EngineTiming timing) {
        Duration perBatch = timing.vmDiskCreation().plus(timing.vmWaitForLaunch()).plus(timing.vmPoweringUp())
                .plus(timing.vmIpReport());
        int batches = (SIZE + BATCH - 1) / BATCH;
        return perBatch.multipliedBy(batches);
    }
}
