package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.clock.SimClock;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.EventEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One simulated engine: its estate, the clock it runs on and the changes it has scheduled.
 * Every call takes the engine lock and first applies the changes that are due, so state moves with
 * the clock without background threads, and a manual clock makes every transition deterministic.
 */
public final class Engine {

    /** Finished jobs are purged after 10 minutes and failed ones after an hour, as on a real engine. */
    private static final Duration SUCCEEDED_JOB_RETENTION = Duration.ofMinutes(10);
    private static final Duration FAILED_JOB_RETENTION = Duration.ofMinutes(60);
    private static final Comparator<PendingChange> DUE_ORDER =
            Comparator.comparing((PendingChange c) -> c.due).thenComparingLong(c -> c.sequence);

    private final Estate estate;
    private final SharedStorage sharedStorage;
    private final SimClock clock;
    private final EngineTiming timing;
    private final FaultPlan faults;
    private final Map<String, Consumer<PendingChange>> handlers = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long modifications;
    /**
     * While a due change is applied: the instant it fell due. Follow-up changes and timestamps are
     * taken from it, so a chain of changes keeps its modelled pace however late the clock is read.
     */
    private Instant applying;

    public Engine(Estate estate, SharedStorage sharedStorage, SimClock clock, EngineTiming timing, FaultPlan faults) {
        this.estate = estate;
        this.sharedStorage = sharedStorage;
        this.clock = clock;
        this.timing = timing;
        this.faults = faults;
    }

    public String siteName() {
        return estate.siteName;
    }

    public Estate estate() {
        return estate;
    }

    public SharedStorage sharedStorage() {
        return sharedStorage;
    }

    public EngineTiming timing() {
        return timing;
    }

    public FaultPlan faults() {
        return faults;
    }

    /** The clock's time, or inside a due change's handler the instant that change fell due. */
    public Instant now() {
        Instant at = applying;
        return at != null && lock.isHeldByCurrentThread() ? at : clock.now();
    }

    /** Counts changes, so a state store knows when there is something new to save. */
    public long modifications() {
        return modifications;
    }

    /** Registers what happens when a scheduled change of {@code kind} falls due. */
    public void onDue(String kind, Consumer<PendingChange> handler) {
        if (handlers.putIfAbsent(kind, handler) != null) {
            throw new IllegalStateException("two handlers for " + kind);
        }
    }

    /** Runs a read under the engine lock, after catching up with the clock. */
    public <T> T read(Supplier<T> query) {
        lock.lock();
        try {
            catchUp();
            return query.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs a change under the engine lock, after catching up with the clock. */
    public <T> T write(Supplier<T> change) {
        lock.lock();
        try {
            catchUp();
            modifications++;
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    /** Applies every change that is due, in order; handlers may schedule further changes. */
    private void catchUp() {
        Instant now = clock.now();
        while (!estate.pending.isEmpty()) {
            PendingChange next = estate.pending.stream().min(DUE_ORDER).orElseThrow();
            if (next.due.isAfter(now)) {
                break;
            }
            estate.pending.remove(next);
            modifications++;
            Consumer<PendingChange> handler = handlers.get(next.kind);
            if (handler == null) {
                throw new IllegalStateException("no handler for scheduled change " + next.kind);
            }
            applying = next.due;
            try {
                handler.accept(next);
            } finally {
                applying = null;
            }
        }
        purgeOldJobs(now);
    }

    public PendingChange schedule(Duration delay, String kind, String entityId, Map<String, String> args) {
        PendingChange change = new PendingChange();
        change.due = now().plus(delay);
        change.sequence = estate.nextPendingSequence++;
        change.kind = kind;
        change.entityId = entityId;
        change.args.putAll(args);
        estate.pending.add(change);
        return change;
    }

    public PendingChange schedule(Duration delay, String kind, String entityId) {
        return schedule(delay, kind, entityId, Map.of());
    }

    /** Drops scheduled changes of one kind for one entity (a VM stopped before it came up). */
    public void cancelScheduled(String kind, String entityId) {
        estate.pending.removeIf(c -> c.kind.equals(kind) && c.entityId.equals(entityId));
    }

    public String newId() {
        return UUID.randomUUID().toString();
    }

    public EventEntity event(int code, String severity, String description, String correlationId,
            Consumer<EventEntity> references) {
        EventEntity event = new EventEntity();
        event.index = estate.nextEventIndex++;
        event.code = code;
        event.severity = severity;
        event.description = description;
        event.time = now();
        event.correlationId = correlationId;
        references.accept(event);
        estate.events.add(event);
        return event;
    }

    public JobEntity startJob(String description, String correlationId) {
        JobEntity job = new JobEntity();
        job.id = newId();
        job.description = description;
        job.correlationId = correlationId;
        job.startTime = now();
        job.lastUpdated = job.startTime;
        JobEntity.StepEntity step = new JobEntity.StepEntity();
        step.id = newId();
        step.description = "Executing";
        step.number = 1;
        step.startTime = job.startTime;
        job.steps.add(step);
        estate.jobs.put(job.id, job);
        return job;
    }

    public void endJob(String jobId, boolean succeeded) {
        JobEntity job = estate.jobs.get(jobId);
        if (job == null || !"started".equals(job.status)) {
            return;
        }
        String status = succeeded ? "finished" : "failed";
        job.status = status;
        job.endTime = now();
        job.lastUpdated = job.endTime;
        for (JobEntity.StepEntity step : job.steps) {
            if ("started".equals(step.status)) {
                step.status = status;
                step.endTime = job.endTime;
            }
        }
    }

    public DataCenterEntity dataCenterOf(ClusterEntity cluster) {
        return estate.dataCenters.get(cluster.dataCenterId);
    }

    /** A MAC never handed out before on this site. */
    public String nextMac() {
        return AddressPlan.mac(estate.siteName, ++estate.macCounter);
    }

    /** The next guest address of this site's desktop subnet. */
    public String nextGuestIp() {
        return AddressPlan.guestIp(estate.siteName, ++estate.ipCounter);
    }

    private void purgeOldJobs(Instant now) {
        estate.jobs.values().removeIf(job -> job.endTime != null
                && job.endTime.plus("failed".equals(job.status) ? FAILED_JOB_RETENTION : SUCCEEDED_JOB_RETENTION)
                        .isBefore(now));
    }
}
