package io.vdibot.commands.parse;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What parsing needs to know about the moment and the user: WHEN without a zone is read in the user's zone, and
 * "now" comes from an injectable clock so tests and the scheduler agree on time.
 */
public record ParseContext(ZoneId userZone, Clock clock) {

    public ParseContext {
        Objects.requireNonNull(userZone, "userZone");
        Objects.requireNonNull(clock, "clock");
    }

    public static ParseContext of(ZoneId userZone) {
        return new ParseContext(userZone, Clock.systemUTC());
    }
}
