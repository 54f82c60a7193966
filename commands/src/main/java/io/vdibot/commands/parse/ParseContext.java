package io.vdibot.commands.parse;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What parsing needs to know about the moment and the user: WHEN without a zone is read in the user's zone, and
 * "now" comes from an injectable clock so tests and the scheduler agree on time; and the configured limits on what a
 * request may ask.
 */
public record ParseContext(ZoneId userZone, Clock clock, InputLimits limits) {

    public ParseContext {
        Objects.requireNonNull(userZone, "userZone");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(limits, "limits");
    }

    /** With the default limits, e.g. for an adapter checking a form before the core does. */
    public ParseContext(ZoneId userZone, Clock clock) {
        this(userZone, clock, InputLimits.defaults());
    }

    public static ParseContext of(ZoneId userZone) {
        return new ParseContext(userZone, Clock.systemUTC());
    }
}
