package io.vdibot.rhev.wait;

import java.time.Duration;
import java.util.Objects;

/**
 * How often to look while waiting for a state whose arrival may be roughly known. Without an estimate the pause
 * is a share of the time waited so far, so a state reached during a pause is seen at most that share late whatever
 * the length of the wait, with few looks at a long one. With an estimate (learned from an earlier, similar wait) the
 * first look after the start comes shortly before the state is due, and the share-of-time rule takes over from there.
 *
 * @param min       shortest pause: keeps a short wait from becoming a tight loop against the engine
 * @param max       longest pause: bounds how late a state is seen during a long wait
 * @param fraction  the pause as a share of the time waited so far, e.g. 0.03
 * @param firstLook when an estimate is known, look first at this share of it, e.g. 0.8
 */
public record Pace(Duration min, Duration max, double fraction, double firstLook) {

    public Pace {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the fraction must be in (0, 1]");
        }
        if (!(firstLook > 0 && firstLook <= 1)) {
            throw new IllegalArgumentException("the first look must be in (0, 1]");
        }
    }

    /**
     * The pause before the next look.
     *
     * @param elapsed  time waited so far
     * @param expected how long the wait is expected to take in all, or null when unknown
     */
    public Duration pause(Duration elapsed, Duration expected) {
        Duration pause = scaled(elapsed, fraction);
        if (expected != null) {
            Duration untilFirstLook = scaled(expected, firstLook).minus(elapsed);
            if (untilFirstLook.compareTo(pause) > 0) {
                pause = untilFirstLook;
            }
        }
        if (pause.compareTo(min) < 0) {
            return min;
        }
        return pause.compareTo(max) > 0 ? max : pause;
    }

    /** The same pace for an engine {@code 1 / factor} times as fast: the bounds scaled, the shares kept. */
    public Pace scaled(double factor) {
        return new Pace(scaled(min, factor), scaled(max, factor), fraction, firstLook);
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofNanos((long) (duration.toNanos() * factor));
    }
}
