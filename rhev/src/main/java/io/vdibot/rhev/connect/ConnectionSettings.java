package io.vdibot.rhev.connect;

import java.time.Duration;
import java.util.Objects;

/**
 * Transport limits for every engine connection.
 *
 * @param connectTimeout how long to wait for a TCP connection and the TLS handshake
 * @param readTimeout    how long one request may wait for the engine's answer; without it a hung engine would
 *                       hold a task forever (the SDK's own builder only sets a connect timeout)
 * @param maxConnections parallel HTTP connections per site, shared by all tasks on that site
 */
public record ConnectionSettings(Duration connectTimeout, Duration readTimeout, int maxConnections) {

    public static final ConnectionSettings DEFAULTS =
            new ConnectionSettings(Duration.ofSeconds(10), Duration.ofSeconds(120), 10);

    public ConnectionSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("at least one connection per site");
        }
    }
}
