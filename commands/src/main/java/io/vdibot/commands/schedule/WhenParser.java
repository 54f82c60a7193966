package io.vdibot.commands.schedule;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the WHEN of {@code at=WHEN}:
 * <ul>
 *   <li>{@code now};</li>
 *   <li>{@code +90s}, {@code +30m}, {@code +2h}, {@code +1d}, or a sum such as {@code +1h30m} — seconds, minutes and
 *       hours are exact durations, a day is a calendar day in the zone (same wall-clock time tomorrow, even across a
 *       DST change);</li>
 *   <li>{@code today 17:30}, {@code tomorrow 08:00}, {@code 2026-12-01 09:00}, {@code 2026-12-01T09:00}.</li>
 * </ul>
 * Each may be followed by a zone id ({@code Europe/Paris}, {@code UTC}, {@code Asia/Shanghai}); otherwise the
 * user's zone applies, and "today"/"tomorrow" are days of that zone. A local time that falls in a DST gap moves
 * forward by the gap's length; one that occurs twice takes the earlier offset. Times not after now are refused.
 */
public final class WhenParser {

    public static final String NOW = "now";

    private static final Pattern RELATIVE = Pattern.compile("\\+((?:\\d{1,6}[smhd])+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE_PART = Pattern.compile("(\\d{1,6})([smhd])", Pattern.CASE_INSENSITIVE);
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(today|tomorrow|\\d{4}-\\d{2}-\\d{2})(?: |(?<=\\d)T)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?", Pattern.CASE_INSENSITIVE);
    /** Longer than any WHEN: a date, a time with seconds and the longest zone name take about 50 characters. */
    static final int MAX_LENGTH = 100;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Clock clock;

    public WhenParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param text     the WHEN text; {@code null} or blank means now
     * @param userZone the zone used when the text names none
     */
    public WhenResult parse(String text, ZoneId userZone) {
        Objects.requireNonNull(userZone, "userZone");
        String trimmed = text == null ? "" : text.trim().replaceAll("\\s+", " ");
        if (trimmed.isEmpty()) {
            return new WhenResult.Valid(Schedule.immediately(clock, userZone));
        }
        if (trimmed.length() > MAX_LENGTH) {
            // no time is written this long; and RELATIVE recurses once per part, so +1h1h1h… of a few thousand
            // characters overflowed the stack (an Error no caller expects from parsing)
            return invalid("arg.bad-when", trimmed);
        }
        ZoneAndRest split = splitZone(trimmed);
        if (split.badZone != null) {
            return invalid("arg.bad-zone", split.badZone);
        }
        ZoneId zone = split.zone != null ? split.zone : userZone;
        String expression = split.rest;
        if (expression.equalsIgnoreCase(NOW)) {
            return new WhenResult.Valid(Schedule.immediately(clock, zone));
        }
        Matcher relative = RELATIVE.matcher(expression);
        if (relative.matches()) {
            return relative(relative.group(1), zone, trimmed);
        }
        Matcher absolute = ABSOLUTE.matcher(expression);
        if (absolute.matches()) {
            return absolute(absolute, zone, trimmed);
        }
        return invalid("arg.bad-when", trimmed);
    }

    private WhenResult relative(String parts, ZoneId zone, String original) {
        ZonedDateTime start = clock.instant().atZone(zone);
        ZonedDateTime result = start;
        Matcher part = RELATIVE_PART.matcher(parts);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            result = switch (Character.toLowerCase(part.group(2).charAt(0))) {
                case 's' -> result.plus(Duration.ofSeconds(amount));
                case 'm' -> result.plus(Duration.ofMinutes(amount));
                case 'h' -> result.plus(Duration.ofHours(amount));
                default -> result.plusDays(amount);
            };
        }
        if (!result.isAfter(start)) {
            return invalid("arg.bad-when", original);
        }
        return new WhenResult.Valid(Schedule.at(result.toInstant(), zone));
    }

    private WhenResult absolute(Matcher m, ZoneId zone, String original) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        String day = m.group(1).toLowerCase(Locale.ROOT);
        try {
            LocalDate date = switch (day) {
                case "today" -> today;
                case "tomorrow" -> today.plusDays(1);
                default -> LocalDate.parse(day);
            };
            int seconds = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), seconds);
            // ofLocal with no preferred offset: gap -> shifted forward, overlap -> earlier offset
            ZonedDateTime when = ZonedDateTime.ofLocal(LocalDateTime.of(date, time), zone, null);
            if (!when.toInstant().isAfter(clock.instant())) {
                return invalid("arg.when-in-past", SHOWN.format(when) + " " + zone.getId());
            }
            return new WhenResult.Valid(Schedule.at(when.toInstant(), zone));
        } catch (DateTimeException e) {
            return invalid("arg.bad-when", original);
        }
    }

    private static ZoneAndRest splitZone(String text) {
        int lastSpace = text.lastIndexOf(' ');
        if (lastSpace < 0) {
            return new ZoneAndRest(text, null, null);
        }
        String last = text.substring(lastSpace + 1);
        String rest = text.substring(0, lastSpace);
        Optional<ZoneId> zone = ZoneNames.find(last);
        if (zone.isPresent()) {
            return new ZoneAndRest(rest, zone.get(), null);
        }
        // "tomorrow 08:00 Mars/Olympus": the last word is clearly meant as a zone, say so rather than "bad WHEN"
        boolean restIsComplete = rest.equalsIgnoreCase(NOW) || RELATIVE.matcher(rest).matches()
                || ABSOLUTE.matcher(rest).matches();
        return restIsComplete ? new ZoneAndRest(rest, null, last) : new ZoneAndRest(text, null, null);
    }

    private static WhenResult invalid(String key, String arg) {
        return new WhenResult.Invalid(key, List.of(arg));
    }

    private record ZoneAndRest(String rest, ZoneId zone, String badZone) {
    }
}
