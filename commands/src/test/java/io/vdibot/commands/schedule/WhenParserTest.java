package io.vdibot.commands.schedule;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WhenParserTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Monday 15 June 2026, 10:00 in Paris, 16:00 in Shanghai, 04:00 in New York. */
    private static final Instant JUNE = Instant.parse("2026-06-15T08:00:00Z");

    private static WhenParser at(Instant now) {
        return new WhenParser(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Schedule valid(WhenResult result) {
        assertThat(result).isInstanceOf(WhenResult.Valid.class);
        return ((WhenResult.Valid) result).schedule();
    }

    private static WhenResult.Invalid invalid(WhenResult result) {
        assertThat(result).isInstanceOf(WhenResult.Invalid.class);
        return (WhenResult.Invalid) result;
    }

    @Nested
    class Now {

        @ParameterizedTest
        @ValueSource(strings = {"now", "NOW", " Now ", ""})
        void isImmediateInTheUsersZone(String text) {
            Schedule schedule = valid(at(JUNE).parse(text, SHANGHAI));

            assertThat(schedule).isEqualTo(new Schedule(JUNE, "Asia/Shanghai", true));
        }

        @Test
        void nullMeansNow() {
            assertThat(valid(at(JUNE).parse(null, PARIS)).now()).isTrue();
        }

        @Test
        void mayNameAZoneForTheReply() {
            assertThat(valid(at(JUNE).parse("now UTC", PARIS))).isEqualTo(new Schedule(JUNE, "UTC", true));
        }
    }

    @Nested
    class Relative {

        @ParameterizedTest
        @CsvSource({"+90s, PT90S", "+30m, PT30M", "+2h, PT2H", "+1h30m, PT1H30M", "+1D, PT24H", "+2d, PT48H"})
        void addsToNow(String text, Duration expected) {
            Schedule schedule = valid(at(JUNE).parse(text, PARIS));

            assertThat(schedule.instant()).isEqualTo(JUNE.plus(expected));
            assertThat(schedule.zone()).isEqualTo("Europe/Paris");
            assertThat(schedule.now()).isFalse();
        }

        @Test
        void aDayKeepsTheWallClockAcrossTheSpringChange() {
            Instant saturdayNoonUtc = Instant.parse("2026-03-28T12:00:00Z"); // 13:00 CET

            Schedule plusDay = valid(at(saturdayNoonUtc).parse("+1d", PARIS));
            Schedule plus24h = valid(at(saturdayNoonUtc).parse("+24h", PARIS));

            assertThat(plusDay.localTime().toLocalTime()).hasToString("13:00");
            assertThat(plusDay.instant()).isEqualTo(Instant.parse("2026-03-29T11:00:00Z"));
            assertThat(plus24h.instant()).isEqualTo(Instant.parse("2026-03-29T12:00:00Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"+0m", "+", "+5x", "-5m", "+1.5h", "5m"})
        void refusesNothingOrNonsense(String text) {
            assertThat(invalid(at(JUNE).parse(text, PARIS)).messageKey()).isEqualTo("arg.bad-when");
        }
    }

    @Nested
    class WallClock {

        @ParameterizedTest
        @CsvSource({
                "today 17:30,                  2026-06-15T15:30:00Z, Europe/Paris",
                "TODAY 10:01,                  2026-06-15T08:01:00Z, Europe/Paris",
                "tomorrow 08:00,               2026-06-16T06:00:00Z, Europe/Paris",
                "tomorrow  8:00,               2026-06-16T06:00:00Z, Europe/Paris",
                "2026-12-01 09:00,             2026-12-01T08:00:00Z, Europe/Paris",
                "2026-12-01T09:00,             2026-12-01T08:00:00Z, Europe/Paris",
                "2026-12-01 09:00:30,          2026-12-01T08:00:30Z, Europe/Paris",
                "2026-12-01 09:00 Asia/Shanghai, 2026-12-01T01:00:00Z, Asia/Shanghai",
                "2026-12-01T09:00 UTC,         2026-12-01T09:00:00Z, UTC",
                "2026-12-01 09:00 europe/london, 2026-12-01T09:00:00Z, Europe/London",
                "tomorrow 08:00 Asia/Shanghai, 2026-06-16T00:00:00Z, Asia/Shanghai",
                "today 20:00 Asia/Shanghai,    2026-06-15T12:00:00Z, Asia/Shanghai",
                "2026-12-01 09:00 +08:00,      2026-12-01T01:00:00Z, +08:00"})
        void isReadInTheNamedZoneOrTheUsers(String text, Instant expected, String zone) {
            Schedule schedule = valid(at(JUNE).parse(text, PARIS));

            assertThat(schedule).isEqualTo(new Schedule(expected, zone, false));
        }

        @Test
        void todayAndTomorrowAreDaysOfTheUsersZone() {
            Instant lateEvening = Instant.parse("2026-06-15T23:30:00Z"); // 16 June 01:30 in Paris, 15 June in NY

            assertThat(valid(at(lateEvening).parse("today 09:00", PARIS)).instant())
                    .isEqualTo(Instant.parse("2026-06-16T07:00:00Z"));
            assertThat(valid(at(lateEvening).parse("today 21:00", NEW_YORK)).instant())
                    .isEqualTo(Instant.parse("2026-06-16T01:00:00Z"));
            assertThat(valid(at(lateEvening).parse("tomorrow 08:00", SHANGHAI)).instant())
                    .isEqualTo(Instant.parse("2026-06-17T00:00:00Z"));
        }

        @Test
        void aTimeInTheSpringGapMovesForwardByTheGap() {
            // Europe/Paris jumps from 02:00 to 03:00 on 29 March 2026
            Schedule schedule = valid(at(Instant.parse("2026-03-28T12:00:00Z")).parse("2026-03-29 02:30", PARIS));

            assertThat(schedule.instant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
            assertThat(schedule.localTime().toLocalTime()).hasToString("03:30");
        }

        @Test
        void anAmbiguousAutumnTimeTakesTheEarlierOffset() {
            // Europe/Paris goes from 03:00 back to 02:00 on 25 October 2026: 02:30 happens twice
            Schedule schedule = valid(at(Instant.parse("2026-10-24T12:00:00Z")).parse("2026-10-25 02:30", PARIS));

            assertThat(schedule.instant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
            assertThat(schedule.localTime().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        }

        @Test
        void theHourAfterTheAutumnChangeIsNotAmbiguous() {
            Schedule schedule = valid(at(Instant.parse("2026-10-24T12:00:00Z")).parse("2026-10-25 03:30", PARIS));

            assertThat(schedule.instant()).isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
        }

        @Test
        void aZoneWithoutDaylightSavingIsUnaffected() {
            Schedule schedule = valid(at(Instant.parse("2026-03-28T12:00:00Z"))
                    .parse("2026-03-29 02:30 Asia/Shanghai", PARIS));

            assertThat(schedule.instant()).isEqualTo(Instant.parse("2026-03-28T18:30:00Z"));
        }
    }

    @Nested
    class Mistakes {

        @ParameterizedTest
        @ValueSource(strings = {"today 09:59", "today 10:00", "2026-06-15 07:00", "2025-12-31 23:00 UTC",
                "today 15:00 Asia/Shanghai"})
        void aTimeNotAfterNowIsInThePast(String text) {
            assertThat(invalid(at(JUNE).parse(text, PARIS)).messageKey()).isEqualTo("arg.when-in-past");
        }

        @Test
        void thePastTimeIsShownAsTheUserMeantIt() {
            assertThat(invalid(at(JUNE).parse("today 08:00", PARIS)).args())
                    .containsExactly("2026-06-15 08:00 Europe/Paris");
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "tomorrow", "later", "tomorrow 8", "25:00", "today 24:00",
                "2026-02-30 10:00", "2026-13-01 10:00", "01/12/2026 09:00", "tomorrow 08:00 extra words",
                "todayT09:00"})
        void refusesWhatItCannotRead(String text) {
            WhenResult.Invalid invalid = invalid(at(JUNE).parse(text, PARIS));

            assertThat(invalid.messageKey()).isEqualTo("arg.bad-when");
            assertThat(invalid.args()).containsExactly(text.trim());
        }

        @ParameterizedTest
        @ValueSource(strings = {"tomorrow 08:00 Mars/Olympus", "tomorrow 08:00 CST", "now Atlantis", "+2h PST"})
        void namesTheZoneItDoesNotKnow(String text) {
            WhenResult.Invalid invalid = invalid(at(JUNE).parse(text, PARIS));

            assertThat(invalid.messageKey()).isEqualTo("arg.bad-zone");
            assertThat(invalid.args()).containsExactly(text.substring(text.lastIndexOf(' ') + 1));
        }
    }

    @Test
    void scheduleShowsItsLocalTime() {
        Schedule schedule = Schedule.at(Instant.parse("2026-12-01T01:00:00Z"), SHANGHAI);

        assertThat(schedule.localTime()).hasToString("2026-12-01T09:00+08:00[Asia/Shanghai]");
        assertThat(schedule.zoneId()).isEqualTo(SHANGHAI);
    }

    @Test
    void zoneNamesIgnoreCaseAndRefuseAmbiguousAbbreviations() {
        assertThat(ZoneNames.find("asia/shanghai")).contains(SHANGHAI);
        assertThat(ZoneNames.find("utc")).contains(ZoneId.of("UTC"));
        assertThat(ZoneNames.find("UTC+8")).contains(ZoneId.of("UTC+08:00"));
        assertThat(List.of("CST", "IST", "", "Nowhere/Land")).allSatisfy(
                name -> assertThat(ZoneNames.find(name)).isEmpty());
    }
}
