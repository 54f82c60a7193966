package io.vdibot.rhev.vm;

import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.inventory.InventoryMapper;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.inventory.SnapshotInfo;
import io.vdibot.rhev.task.CorrelationIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.SnapshotBuilder;
import org.ovirt.engine.sdk4.services.SnapshotsService;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;

/**
 * The snapshot operations the snapshot commands need, each sent at most once per correlation id: a resumed task
 * repeats the step it died in, and {@link EngineCalls} repeats a call whose answer was lost, so each call first
 * asks the engine whether it already has the request (its jobs, which it keeps for a while, and its events, which
 * it keeps for weeks).
 */
public final class VmSnapshots {

    /**
     * A snapshot's request was sent this long before the engine dated the snapshot at most (their clocks are the
     * engine's own, so this only covers the time between the command's start and the snapshot's row).
     */
    private static final Duration SLACK = Duration.ofMinutes(1);

    /**
     * What {@link #takeOnce} found or did.
     *
     * @param snapshot   the snapshot; null when the request was sent before and no snapshot of it is left (the
     *                   engine removes a snapshot it failed to take)
     * @param sentBefore the engine had the request already, from an earlier run of the step
     */
    public record Taken(SnapshotInfo snapshot, boolean sentBefore) {
    }

    private final EngineCalls calls;
    private final InventoryQueries queries;

    public VmSnapshots(InventoryQueries queries) {
        this.queries = queries;
        this.calls = queries.calls();
    }

    /** The VM's snapshots, its "Active VM" one included. */
    public List<SnapshotInfo> of(String site, String vmId) {
        return queries.snapshots(site, vmId);
    }

    /**
     * Takes a snapshot unless the engine has this correlation id already; then the snapshot that request made is
     * the regular one with that description dated closest after it (descriptions need not be unique).
     *
     * @param memory null for the engine's default
     */
    public Taken takeOnce(String site, String vmId, String description, Boolean memory, String correlationId) {
        return calls.call(site, "take a snapshot of VM " + vmId, connection -> {
            SnapshotsService snapshots = connection.systemService().vmsService().vmService(vmId).snapshotsService();
            Optional<Instant> sent = sentAt(connection, correlationId);
            if (sent.isPresent()) {
                Instant earliest = sent.get().minus(SLACK);
                SnapshotInfo made = snapshots.list().send().snapshots().stream().map(InventoryMapper::snapshot)
                        .filter(s -> s.isRegular() && description.equals(s.description()))
                        .filter(s -> s.date() != null && !s.date().isBefore(earliest))
                        .min(Comparator.comparing(SnapshotInfo::date)).orElse(null);
                return new Taken(made, true);
            }
            SnapshotBuilder wanted = new SnapshotBuilder().description(description);
            if (memory != null) {
                wanted.persistMemorystate(memory);
            }
            return new Taken(InventoryMapper.snapshot(snapshots.add().snapshot(wanted)
                    .header(CorrelationIds.HEADER, correlationId).send().snapshot()), false);
        });
    }

    /**
     * Restores a snapshot of a VM that is down, unless the engine has this correlation id already or the
     * snapshot is locked (a restore under way: the engine's REST layer may file a restore under its own
     * correlation id). A restore repeated after it completed would put back the same snapshot, changing nothing.
     *
     * @return false when nothing was sent
     */
    public boolean restoreOnce(String site, String vmId, String snapshotId, String correlationId) {
        return calls.call(site, "restore a snapshot of VM " + vmId, connection -> {
            SnapshotsService snapshots = connection.systemService().vmsService().vmService(vmId).snapshotsService();
            boolean underWay = snapshots.list().send().snapshots().stream().map(InventoryMapper::snapshot)
                    .anyMatch(s -> s.id().equals(snapshotId) && "locked".equals(s.status()));
            if (underWay || sentAt(connection, correlationId).isPresent()) {
                return false;
            }
            snapshots.snapshotService(snapshotId).restore().header(CorrelationIds.HEADER, correlationId).send();
            return true;
        });
    }

    /** When the engine first recorded a command with this correlation id, if it did. */
    private static Optional<Instant> sentAt(Connection connection, String correlationId) {
        var system = connection.systemService();
        String search = "correlation_id=" + correlationId;
        Stream<Instant> jobs = system.jobsService().list().search(search).send().jobs().stream()
                .map(Job::startTime).filter(t -> t != null).map(t -> t.toInstant());
        Stream<Instant> events = system.eventsService().list().search(search).send().events().stream()
                .map(Event::time).filter(t -> t != null).map(t -> t.toInstant());
        return Stream.concat(jobs, events).min(Comparator.naturalOrder());
    }
}
