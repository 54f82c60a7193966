package io.vdibot.commands.parse;

import java.time.Duration;

/**
 * The most a request may ask, whoever asks: free text stays readable and storable, a guest script stays a script,
 * a schedule stays within sight, a VM stays within what a host can give.
 *
 * @param textMax         characters of any free-text value (a description, a reason, a group or role name)
 * @param initScriptMax   characters of an {@code init=} script, which runs as root in the guest
 * @param scheduleHorizon how far ahead {@code at=} may be
 * @param memoryMaxBytes  memory of one VM
 * @param cpusMax         virtual CPUs of one VM
 */
public record InputLimits(int textMax, int initScriptMax, Duration scheduleHorizon, long memoryMaxBytes,
                          int cpusMax) {

    private static final long GIB = 1024L * 1024L * 1024L;

    public InputLimits {
        if (textMax < 1 || initScriptMax < 1 || cpusMax < 1 || memoryMaxBytes < 1
                || scheduleHorizon.isNegative() || scheduleHorizon.isZero()) {
            throw new IllegalArgumentException("input limits must be positive");
        }
    }

    /** 1,000 characters of text, 16 KiB of script, 90 days ahead, 256 GiB and 64 CPUs per VM. */
    public static InputLimits defaults() {
        return new InputLimits(1_000, 16 * 1024, Duration.ofDays(90), 256 * GIB, 64);
    }
}
