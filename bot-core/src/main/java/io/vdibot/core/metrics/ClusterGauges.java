package io.vdibot.core.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.vdibot.persistence.quartz.SchedulerNodes;
import io.vdibot.persistence.task.PendingApprovals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What only the shared database knows, read at a fixed interval rather than at each scrape (a database that hangs
 * must not hang Prometheus): tasks waiting for an approver and how long the oldest has waited
 * ({@code vdibot.approvals.pending}, {@code vdibot.approvals.pending.oldest}), and the bot nodes whose scheduler checks
 * in ({@code vdibot.scheduler.nodes}). Every node reports the same cluster-wide figures; dashboards take the max.
 * Before the first reading, and while the database does not answer, the gauges are NaN: no number is better than a
 * stale one.
 */
public final class ClusterGauges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterGauges.class);

    private record Reading(long pending, Instant oldestSince, long schedulerNodes) {
    }

    private final PendingApprovals approvals;
    private final SchedulerNodes nodes;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService timer;
    private volatile Reading last;

    public ClusterGauges(PendingApprovals approvals, SchedulerNodes nodes, Clock clock, Duration interval,
            MeterRegistry registry) {
        this.approvals = approvals;
        this.nodes = nodes;
        this.clock = clock;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cluster-gauges");
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("vdibot.approvals.pending", this, g -> g.value(r -> r.pending()))
                .description("Tasks waiting for an approver, in the whole cluster").register(registry);
        TimeGauge.builder("vdibot.approvals.pending.oldest", this, TimeUnit.MILLISECONDS, ClusterGauges::oldestMillis)
                .description("How long the oldest task waiting for an approver has waited (0 when none waits)")
                .register(registry);
        Gauge.builder("vdibot.scheduler.nodes", this, g -> g.value(r -> r.schedulerNodes()))
                .description("Bot nodes whose scheduler checked in with the cluster recently").register(registry);
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::read, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void read() {
        try {
            PendingApprovals.Figures pending = approvals.now();
            last = new Reading(pending.count(), pending.oldestSince().orElse(null), nodes.alive());
        } catch (RuntimeException e) {
            last = null;
            LOG.warn("cluster figures for metrics could not be read: {}", e.getMessage());
        }
    }

    private double value(java.util.function.ToLongFunction<Reading> figure) {
        Reading reading = last;
        return reading == null ? Double.NaN : figure.applyAsLong(reading);
    }

    private double oldestMillis() {
        Reading reading = last;
        if (reading == null) {
            return Double.NaN;
        }
        return reading.oldestSince() == null ? 0 : Math.max(0, clock.millis() - reading.oldestSince().toEpochMilli());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
