package io.vdibot.rhev.vm;

import io.vdibot.rhev.wait.PollSchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code vm.delete} waits.
 *
 * @param pollInitial   first pause between two looks at the VM
 * @param pollMax       longest pause; pauses grow by half each time up to it
 * @param downTimeout   from the stop request to status {@code down}
 * @param removeTimeout from the remove request until the engine no longer lists the VM (its disks go with it)
 */
public record VmDeleteTimings(Duration pollInitial, Duration pollMax, Duration downTimeout, Duration removeTimeout) {

    public static final VmDeleteTimings DEFAULTS = new VmDeleteTimings(Duration.ofSeconds(2), Duration.ofSeconds(15),
            Duration.ofMinutes(5), Duration.ofMinutes(10));

    private static final double GROWTH = 1.5;

    public VmDeleteTimings {
        Objects.requireNonNull(pollInitial, "pollInitial");
        Objects.requireNonNull(pollMax, "pollMax");
        Objects.requireNonNull(downTimeout, "downTimeout");
        Objects.requireNonNull(removeTimeout, "removeTimeout");
        // validates the poll bounds once, at configuration time
        new PollSchedule(pollInitial, pollMax, GROWTH, downTimeout);
    }

    PollSchedule schedule(Duration timeout) {
        return new PollSchedule(pollInitial, pollMax, GROWTH, timeout);
    }
}
