package io.vdibot.commands.schedule;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the start of a period looked back on ({@code tasks since=…}), in the reader's zone: {@code 30m}, {@code 2h},
 * {@code 3d}, {@code 1w} or a sum such as {@code 1d12h} ago (a day is a calendar day in the zone); {@code today},
 * {@code yesterday} (from midnight); {@code 2026-12-01} (from midnight) or {@code 2026-12-01T08:30}.
 */
public final class SinceParser {

    private static final Pattern AGO = Pattern.compile("-?((?:\\d{1,5}[mhdw])+)");
    private static final Pattern AGO_PART = Pattern.compile("(\\d{1,5})([mhdw])");
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[t ](\\d{1,2}):(\\d{2}))?");

    private static final int MAX_LENGTH = 100;

    private final Clock clock;

    public SinceParser(Clock clock) {
        this.clock = clock;
    }

    /** The instant the period starts; empty when the text is none of the forms above. */
    public Optional<Instant> parse(String text, ZoneId zone) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH) {
            // no start time is written this long; and AGO recurses once per part (see WhenParser.MAX_LENGTH)
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        switch (value) {
            case "today":
                return Optional.of(today.atStartOfDay(zone).toInstant());
            case "yesterday":
                return Optional.of(today.minusDays(1).atStartOfDay(zone).toInstant());
            default:
                break;
        }
        Matcher ago = AGO.matcher(value);
        if (ago.matches()) {
            return Optional.of(ago(ago.group(1), zone));
        }
        Matcher date = DATE.matcher(value);
        if (date.matches()) {
            try {
                LocalDate day = LocalDate.parse(date.group(1));
                LocalTime time = date.group(2) == null ? LocalTime.MIDNIGHT
                        : LocalTime.of(Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
                return Optional.of(LocalDateTime.of(day, time).atZone(zone).toInstant());
            } catch (DateTimeException notADate) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Instant ago(String parts, ZoneId zone) {
        var moment = clock.instant().atZone(zone);
        Matcher part = AGO_PART.matcher(parts);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            moment = switch (part.group(2)) {
                case "m" -> moment.minus(Duration.ofMinutes(amount));
                case "h" -> moment.minus(Duration.ofHours(amount));
                case "d" -> moment.minusDays(amount);
                default -> moment.minusWeeks(amount);
            };
        }
        return moment.toInstant();
    }
}
