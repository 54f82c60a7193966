package io.vdibot.commands.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a task runs: an instant in UTC plus the zone the user meant, so replies can show the time as the user
 * wrote it. The zone is kept as its id string to keep the record JSON-plain.
 *
 * @param instant the run time, UTC
 * @param zone    the IANA zone id the time was given in (or the user's zone), e.g. {@code Europe/Paris}
 * @param now     true when the user asked for "now" (the default): run as soon as possible, never "late"
 */
public record Schedule(Instant instant, String zone, boolean now) {

    public Schedule {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(zone, "zone");
        ZoneId.of(zone);
    }

    /** As soon as possible, as seen from {@code clock}, reported in {@code zone}. */
    public static Schedule immediately(Clock clock, ZoneId zone) {
        return new Schedule(clock.instant(), zone.getId(), true);
    }

    /** At a chosen time, reported in {@code zone}. */
    public static Schedule at(Instant instant, ZoneId zone) {
        return new Schedule(instant, zone.getId(), false);
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** The run time on the wall clock of {@link #zone()}. */
    public ZonedDateTime localTime() {
        return instant.atZone(zoneId());
    }
}
