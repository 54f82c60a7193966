package io.vdibot.commands;

import io.vdibot.commands.parse.ParseContext;
import io.vdibot.commands.schedule.Schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A fixed moment and user for parsing tests: Monday 15 June 2026, 10:00 in Paris (08:00 UTC). */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-06-15T08:00:00Z");
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final ParseContext CONTEXT = new ParseContext(PARIS, CLOCK);
    public static final Schedule IMMEDIATELY = new Schedule(NOW, "Europe/Paris", true);

    private Fixtures() {
    }

    public static Schedule inParis(Duration fromNow) {
        return Schedule.at(NOW.plus(fromNow), PARIS);
    }

    public static Schedule at(String instant, String zone) {
        return Schedule.at(Instant.parse(instant), ZoneId.of(zone));
    }
}
