package io.vdibot.persistence.jdbc;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.sql.Types;
import java.time.Instant;
import java.util.Collection;

/**
 * Named parameters with explicit SQL types for values that may be null.
 *
 * <p>For an untyped null, Spring asks the driver for the parameter's type, which MariaDB's driver answers
 * with an extra round trip to the server; a typed null is bound directly. Instants are bound as UTC
 * {@link java.time.LocalDateTime} (see {@link UtcTimes}).
 */
public final class SqlParams extends MapSqlParameterSource {

    private SqlParams() {
    }

    public static SqlParams params() {
        return new SqlParams();
    }

    public SqlParams text(String name, String value) {
        addValue(name, value, Types.VARCHAR);
        return this;
    }

    public SqlParams texts(String name, Collection<String> values) {
        addValue(name, values);
        return this;
    }

    public SqlParams number(String name, long value) {
        addValue(name, value, Types.BIGINT);
        return this;
    }

    /** A number that may be absent ({@code NULL}). */
    public SqlParams optionalNumber(String name, Long value) {
        addValue(name, value, Types.BIGINT);
        return this;
    }

    public SqlParams flag(String name, boolean value) {
        addValue(name, value, Types.BOOLEAN);
        return this;
    }

    public SqlParams time(String name, Instant value) {
        if (value == null) {
            addValue(name, null, Types.TIMESTAMP);
        } else {
            // Untyped on purpose: the driver then sends the LocalDateTime literally, without any zone.
            addValue(name, UtcTimes.toColumn(value));
        }
        return this;
    }
}
