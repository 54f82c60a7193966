package io.vdibot.persistence.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as {@code DATETIME(6)} values holding UTC wall-clock time.
 *
 * <p>Binding a {@link LocalDateTime} sends the literal value, so neither the JVM's default zone nor the
 * session's {@code time_zone} can shift it; {@code TIMESTAMP} columns and {@code java.sql.Timestamp}
 * would be converted through one of them.
 */
public final class UtcTimes {

    private UtcTimes() {
    }

    /** The column keeps microseconds; truncating here makes what we return equal what we stored. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static LocalDateTime toColumn(Instant instant) {
        return instant == null
                ? null
                : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    public static Instant fromColumn(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
