package io.vdibot.adapters.teams.connector;

import java.time.Duration;
import java.util.Set;

/** A Bot Connector call that failed, with the status the service answered (0 when it could not be reached). */
public final class ConnectorException extends Exception {

    /** Throttled, precondition raced, gateway trouble: Microsoft's rate-limit guidance says to retry these. */
    private static final Set<Integer> RETRYABLE = Set.of(0, 412, 429, 502, 503, 504);

    private final int status;
    private final Duration retryAfter;

    public ConnectorException(String operation, int status, Duration retryAfter, Throwable cause) {
        super(operation + " answered " + (status == 0 ? "nothing" : String.valueOf(status)), cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The service's {@code Retry-After}, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return RETRYABLE.contains(status);
    }
}
