package io.vdibot.rhev.vm;

import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.task.CorrelatedJobs;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.util.Objects;

/** What the runs of {@code vm.snapshot} and {@code vm.restore} use. */
record SnapshotServices(InventoryCache inventory, VmActions vms, VmSnapshots snapshots, CorrelatedJobs jobs,
                        VmSnapshotTimings timings, Clock clock, Poller poller) {

    static SnapshotServices of(InventoryCache inventory, VmSnapshotTimings timings, Clock clock, Sleeper sleeper) {
        Objects.requireNonNull(inventory, "inventory");
        return new SnapshotServices(inventory, new VmActions(inventory.queries()),
                new VmSnapshots(inventory.queries()), new CorrelatedJobs(inventory.queries().calls()),
                Objects.requireNonNull(timings, "timings"), Objects.requireNonNull(clock, "clock"),
                new Poller(clock, sleeper));
    }
}
