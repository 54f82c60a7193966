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
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One simulated engine: its estate, the clock it runs on and the changes it has scheduled.
 * Every call first applies the changes that are due, so state moves with the clock without
 * background threads, and a manual clock makes every transition deterministic.
 *
 * <p>Writes and catching up are exclusive; reads share the lock, so that many clients listing a
 * large estate at once are served in parallel. A read must therefore not change the estate, and
 * must not call {@link #write} (that would need to upgrade the lock, which is refused).
 */
public final class Engine {

    /** Finished jobs are purged after 10 minutes and failed ones after an hour, as on a real engine. */
    private static final Duration SUCCEEDED_JOB_RETENTION = Duration.ofMinutes(10);
    private static final Duration FAILED_JOB_RETENTION = Duration.ofMinutes(60);
    /** The shortest period of a periodic job, whatever the time scale. */
    static final Duration SHORTEST_PERIOD = Duration.ofMillis(1);
    private static final Comparator<PendingChange> DUE_ORDER =
            Comparator.comparing((PendingChange c) -> c.due).thenComparingLong(c -> c.sequence);

    private final Estate estate;
    private final SharedStorage sharedStorage;
    private final SimClock clock;
    private final EngineTiming timing;
    private final FaultPlan faults;
    private final Map<String, Consumer<PendingChange>> handlers = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long modifications;
    /**
     * The earliest instant at which catching up has something to do (a change falls due or a job is
     * to be purged); until then reads skip the exclusive lock. {@code MIN} forces a first catch-up,
     * which applies whatever a restored state directory left pending.
     */
    private volatile Instant nextWork = Instant.MIN;
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
        return at != null && lock.isWriteLockedByCurrentThread() ? at : clock.now();
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

    /** Runs a read under the shared engine lock, after catching up with the clock. */
    public <T> T read(Supplier<T> query) {
        boolean nested = lock.getReadHoldCount() > 0 || lock.isWriteLockedByCurrentThread();
        if (!nested && !clock.now().isBefore(nextWork)) {
            lock.writeLock().lock();
            try {
                catchUp();
                lock.readLock().lock();
            } finally {
                lock.writeLock().unlock();
            }
        } else {
            lock.readLock().lock();
        }
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a change under the exclusive engine lock, after catching up with the clock. */
    public <T> T write(Supplier<T> change) {
        if (lock.getReadHoldCount() > 0 && !lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("an engine write cannot run inside a read");
        }
        lock.writeLock().lock();
        try {
            catchUp();
            modifications++;
            return change.get();
        } finally {
            if (lock.getWriteHoldCount() == 1) {
                nextWork = earliestWork();
            }
            lock.writeLock().unlock();
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
        nextWork = earliestWork();
    }

    private Instant earliestWork() {
        Instant earliest = Instant.MAX;
        for (PendingChange change : estate.pending) {
            if (change.due.isBefore(earliest)) {
                earliest = change.due;
            }
        }
        for (JobEntity job : estate.jobs.values()) {
            if (job.endTime != null) {
                // purged once the retention has strictly passed
                Instant purge = job.endTime.plus(retentionOf(job)).plusNanos(1);
                if (purge.isBefore(earliest)) {
                    earliest = purge;
                }
            }
        }
        return earliest;
    }

    public PendingChange schedule(Duration delay, String kind, String entityId, Map<String, String> args) {
        PendingChange change = new PendingChange();
        change.due = now().plus(delay);
        change.sequence = estate.nextPendingSequence++;
        change.kind = kind;
        change.entityId = entityId;
        change.args.putAll(args);
        estate.pending.add(change);
        if (change.due.isBefore(nextWork)) {
            nextWork = change.due;
        }
        return change;
    }

    public PendingChange schedule(Duration delay, String kind, String entityId) {
        return schedule(delay, kind, entityId, Map.of());
    }

    /**
     * Plans the next run of a periodic job (the pool monitor) the way a fixed-delay scheduler does:
     * one pending run per job (a second request coalesces with the first), runs missed while nobody
     * called are not replayed one by one (a run already late is moved to the clock's time), and the
     * period is never shorter than {@link #SHORTEST_PERIOD}, so that a zero interval (time scale 0)
     * yields to the calls instead of rescheduling itself forever within one catch-up.
     */
    public void schedulePeriodic(Duration interval, String kind, String entityId) {
        Duration delay = interval.compareTo(SHORTEST_PERIOD) < 0 ? SHORTEST_PERIOD : interval;
        Instant due = now().plus(delay);
        Instant clockNow = clock.now();
        if (due.isBefore(clockNow)) {
            due = clockNow;
        }
        for (PendingChange change : estate.pending) {
            if (change.kind.equals(kind) && change.entityId.equals(entityId) && !change.due.isAfter(due)) {
                return;
            }
        }
        cancelScheduled(kind, entityId);
        PendingChange change = new PendingChange();
        change.due = due;
        change.sequence = estate.nextPendingSequence++;
        change.kind = kind;
        change.entityId = entityId;
        estate.pending.add(change);
        if (due.isBefore(nextWork)) {
            nextWork = due;
        }
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
        estate.jobs.values().removeIf(job -> job.endTime != null && job.endTime.plus(retentionOf(job)).isBefore(now));
    }

    private static Duration retentionOf(JobEntity job) {
        return "failed".equals(job.status) ? FAILED_JOB_RETENTION : SUCCEEDED_JOB_RETENTION;
    }
}
