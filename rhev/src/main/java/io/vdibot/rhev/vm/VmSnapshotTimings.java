package io.vdibot.rhev.vm;

import io.vdibot.rhev.wait.PollSchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code vm.snapshot} and {@code vm.restore} wait.
 *
 * @param pollInitial     first pause between two looks
 * @param pollMax         longest pause; pauses grow by half each time up to it
 * @param snapshotTimeout from the snapshot request until the snapshot is {@code ok}; saving the memory of a large
 *                        VM takes minutes
 * @param downTimeout     from the power-off before a restore until the VM is down
 * @param restoreTimeout  from the restore request until the VM is down (no longer {@code image_locked}) and its
 *                        snapshots are {@code ok}
 * @param upTimeout       from the start after a restore until the VM is up
 */
public record VmSnapshotTimings(Duration pollInitial, Duration pollMax, Duration snapshotTimeout,
                                Duration downTimeout, Duration restoreTimeout, Duration upTimeout) {

    public static final VmSnapshotTimings DEFAULTS = new VmSnapshotTimings(Duration.ofSeconds(2),
            Duration.ofSeconds(15), Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofMinutes(10));

    private static final double GROWTH = 1.5;

    public VmSnapshotTimings {
        Objects.requireNonNull(snapshotTimeout, "snapshotTimeout");
        Objects.requireNonNull(downTimeout, "downTimeout");
        Objects.requireNonNull(restoreTimeout, "restoreTimeout");
        Objects.requireNonNull(upTimeout, "upTimeout");
        // validates the poll bounds once, at configuration time
        new PollSchedule(pollInitial, pollMax, GROWTH, snapshotTimeout);
    }

    PollSchedule schedule(Duration timeout) {
        return new PollSchedule(pollInitial, pollMax, GROWTH, timeout);
    }
}
