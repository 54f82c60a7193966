package io.vdibot.rhev.pool;

import io.vdibot.rhev.wait.Pace;
import java.time.Duration;
import java.util.Objects;

/**
 * How pool tasks wait and how hard they press the engine.
 *
 * @param pace          how often to look while waiting; the first batch of a pool teaches the later ones how long
 *                      each wait takes, so they look first shortly before their VMs are due
 * @param createTimeout for one batch, from growing the pool to every new VM down with its disks: the engine adds
 *                      the VMs one after another
 * @param readyTimeout  from starting a batch's VMs to each of them up with an IP address; Windows first boots with
 *                      sysprep reboot once
 * @param removeTimeout for a pool (or a VM) to disappear after its removal, and for VMs to power off
 * @param parallelCalls engine calls made at the same time when acting on many VMs (starting a batch); at most the
 *                      connections per site
 */
public record PoolTimings(Pace pace, Duration createTimeout, Duration readyTimeout, Duration removeTimeout,
                          int parallelCalls) {

    public static final PoolTimings DEFAULTS = new PoolTimings(
            new Pace(Duration.ofSeconds(1), Duration.ofSeconds(15), 0.015, 0.9),
            Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofMinutes(30), 4);

    /**
     * The same timings for an engine {@code 1 / factor} times as fast as a real one (the simulator at a time scale):
     * pauses and timeouts scaled, shares and parallelism kept.
     */
    public PoolTimings scaled(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("the factor must be positive");
        }
        return new PoolTimings(pace.scaled(factor), scale(createTimeout, factor), scale(readyTimeout, factor),
                scale(removeTimeout, factor), parallelCalls);
    }

    private static Duration scale(Duration duration, double factor) {
        return Duration.ofNanos((long) (duration.toNanos() * factor));
    }

    public PoolTimings {
        Objects.requireNonNull(pace, "pace");
        Objects.requireNonNull(createTimeout, "createTimeout");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(removeTimeout, "removeTimeout");
        if (parallelCalls < 1) {
            throw new IllegalArgumentException("at least one call at a time");
        }
    }
}
