package io.vdibot.rhev.vm;

import io.vdibot.rhev.wait.PollSchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code vm.create} waits.
 *
 * @param pollInitial   first pause between two looks at the VM
 * @param pollMax       longest pause; pauses grow by half each time up to it
 * @param createTimeout how long the disks may take (thin disks take seconds; a busy storage domain minutes)
 * @param upTimeout     from the start request to status {@code up}
 * @param ipTimeout     from {@code up} to the first guest-reported IPv4 address; Windows first boot with sysprep
 *                      reboots once and may take several minutes
 */
public record VmCreateTimings(Duration pollInitial, Duration pollMax, Duration createTimeout, Duration upTimeout,
                              Duration ipTimeout) {

    public static final VmCreateTimings DEFAULTS = new VmCreateTimings(Duration.ofSeconds(2),
            Duration.ofSeconds(15), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(15));

    private static final double GROWTH = 1.5;

    public VmCreateTimings {
        Objects.requireNonNull(pollInitial, "pollInitial");
        Objects.requireNonNull(pollMax, "pollMax");
        Objects.requireNonNull(createTimeout, "createTimeout");
        Objects.requireNonNull(upTimeout, "upTimeout");
        Objects.requireNonNull(ipTimeout, "ipTimeout");
        // validates the poll bounds once, at configuration time
        new PollSchedule(pollInitial, pollMax, GROWTH, createTimeout);
    }

    PollSchedule schedule(Duration timeout) {
        return new PollSchedule(pollInitial, pollMax, GROWTH, timeout);
    }
}
