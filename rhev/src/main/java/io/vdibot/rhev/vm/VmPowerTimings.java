package io.vdibot.rhev.vm;

import io.vdibot.rhev.wait.PollSchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * How the power commands wait.
 *
 * @param pollInitial     first pause between two looks at the VM
 * @param pollMax         longest pause; pauses grow by half each time up to it
 * @param upTimeout       from the start (or reboot) request to status {@code up}
 * @param downTimeout     from the stop or shutdown request to status {@code down}; a guest may take its time to
 *                        shut down
 * @param rebootTimeout   from the reboot request until the VM is seen leaving {@code up}
 * @param ipTimeout       after a start, how long to wait for the guest agent's address; none by then is reported,
 *                        not a failure
 */
public record VmPowerTimings(Duration pollInitial, Duration pollMax, Duration upTimeout, Duration downTimeout,
                             Duration rebootTimeout, Duration ipTimeout) {

    public static final VmPowerTimings DEFAULTS = new VmPowerTimings(Duration.ofSeconds(2), Duration.ofSeconds(15),
            Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMinutes(3));

    private static final double GROWTH = 1.5;

    public VmPowerTimings {
        Objects.requireNonNull(upTimeout, "upTimeout");
        Objects.requireNonNull(downTimeout, "downTimeout");
        Objects.requireNonNull(rebootTimeout, "rebootTimeout");
        Objects.requireNonNull(ipTimeout, "ipTimeout");
        // validates the poll bounds once, at configuration time
        new PollSchedule(pollInitial, pollMax, GROWTH, upTimeout);
    }

    PollSchedule schedule(Duration timeout) {
        return new PollSchedule(pollInitial, pollMax, GROWTH, timeout);
    }
}
