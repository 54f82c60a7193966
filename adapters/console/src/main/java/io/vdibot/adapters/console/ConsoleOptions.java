package io.vdibot.adapters.console;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a console session starts and ends.
 *
 * @param initialUser the acting user until a {@code /login}
 * @param locale      the reply language until a {@code /lang}; {@code null} leaves it to the core's default
 * @param zone        the user's time zone, sent with every line so {@code at=} times mean local time
 * @param maxIdleWait at end of input, how long to wait for the core to finish before returning anyway
 * @param sessionId   makes idempotency keys unique across sessions, so a second run of the same script is not
 *                    taken for a redelivery of the first
 * @param clock       stamps {@code receivedAt}
 * @param loginAllowed whether {@code /login} may change the acting user; off, the console acts only as
 *                    {@code initialUser}
 */
public record ConsoleOptions(String initialUser, Locale locale, ZoneId zone, Duration maxIdleWait, String sessionId,
                             Clock clock, boolean loginAllowed) {

    public static final String DEFAULT_USER = "alice";
    /** Long enough for the slowest task the simulator runs (template migration); scripts may set less. */
    public static final Duration DEFAULT_MAX_IDLE_WAIT = Duration.ofMinutes(30);

    public ConsoleOptions {
        Objects.requireNonNull(initialUser, "initialUser");
        if (initialUser.isBlank() || initialUser.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a console user is one word: '" + initialUser + "'");
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(maxIdleWait, "maxIdleWait");
        if (maxIdleWait.isNegative()) {
            throw new IllegalArgumentException("maxIdleWait is negative");
        }
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(clock, "clock");
    }

    /** User {@code alice}, English, the machine's time zone, 30 minutes' wait, a random session id, login on. */
    public static ConsoleOptions defaults() {
        return new ConsoleOptions(DEFAULT_USER, Locale.ENGLISH, ZoneId.systemDefault(), DEFAULT_MAX_IDLE_WAIT,
                randomSessionId(), Clock.systemUTC(), true);
    }

    public ConsoleOptions withInitialUser(String user) {
        return new ConsoleOptions(user, locale, zone, maxIdleWait, sessionId, clock, loginAllowed);
    }

    public ConsoleOptions withLocale(Locale newLocale) {
        return new ConsoleOptions(initialUser, newLocale, zone, maxIdleWait, sessionId, clock, loginAllowed);
    }

    public ConsoleOptions withZone(ZoneId newZone) {
        return new ConsoleOptions(initialUser, locale, newZone, maxIdleWait, sessionId, clock, loginAllowed);
    }

    public ConsoleOptions withMaxIdleWait(Duration wait) {
        return new ConsoleOptions(initialUser, locale, zone, wait, sessionId, clock, loginAllowed);
    }

    public ConsoleOptions withLogin(boolean allowed) {
        return new ConsoleOptions(initialUser, locale, zone, maxIdleWait, sessionId, clock, allowed);
    }

    public ConsoleOptions withSessionId(String id) {
        return new ConsoleOptions(initialUser, locale, zone, maxIdleWait, id, clock, loginAllowed);
    }

    public ConsoleOptions withClock(Clock newClock) {
        return new ConsoleOptions(initialUser, locale, zone, maxIdleWait, sessionId, newClock, loginAllowed);
    }

    private static String randomSessionId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
