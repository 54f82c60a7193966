package io.vdibot.rhev.template;

import io.vdibot.rhev.wait.PollSchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * How the template handlers wait.
 *
 * @param pollInitial    first pause between two looks at the engine
 * @param pollMax        longest pause; pauses grow by half each time up to it
 * @param createTimeout  a template made from a VM: its disks are copied, minutes per disk on busy storage
 * @param copyTimeout    an export to, or an import from, the export domain: full copies of every disk over NFS
 * @param storageTimeout a storage domain changing state (maintenance, detach, attach, activation); seconds on a
 *                       quiet engine, minutes while hosts still use the domain
 * @param stopTimeout    a running VM shutting down before a template is made from it ({@code stop=true}): the guest
 *                       closes its programs first
 */
public record TemplateTimings(Duration pollInitial, Duration pollMax, Duration createTimeout, Duration copyTimeout,
                              Duration storageTimeout, Duration stopTimeout) {

    public static final TemplateTimings DEFAULTS = new TemplateTimings(Duration.ofSeconds(2),
            Duration.ofSeconds(15), Duration.ofMinutes(60), Duration.ofMinutes(120), Duration.ofMinutes(15),
            Duration.ofMinutes(10));

    private static final double GROWTH = 1.5;

    public TemplateTimings {
        Objects.requireNonNull(pollInitial, "pollInitial");
        Objects.requireNonNull(pollMax, "pollMax");
        Objects.requireNonNull(createTimeout, "createTimeout");
        Objects.requireNonNull(copyTimeout, "copyTimeout");
        Objects.requireNonNull(storageTimeout, "storageTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        // validates the poll bounds once, at configuration time
        new PollSchedule(pollInitial, pollMax, GROWTH, createTimeout);
    }

    PollSchedule schedule(Duration timeout) {
        return new PollSchedule(pollInitial, pollMax, GROWTH, timeout);
    }
}
