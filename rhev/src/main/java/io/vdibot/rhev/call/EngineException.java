package io.vdibot.rhev.call;

import java.util.Objects;

/**
 * A failed engine call, typed: the SDK itself only throws {@code org.ovirt.engine.sdk4.Error} with everything
 * packed into its message.
 *
 * <p>{@link #engineText()} is what the engine said (the fault detail without the list brackets, or the reason when
 * there is no detail, or the transport problem), so handlers can quote it to the user verbatim.
 */
public final class EngineException extends RuntimeException {

    /** What kind of failure it was; decides how it is explained to the user. */
    public enum Kind {
        /** No HTTP answer: refused, reset, timed out, DNS. */
        TRANSPORT,
        /** The engine's certificate is not signed by the configured CA, or names another host. */
        TLS,
        /** The engine refused the configured credentials. */
        AUTHENTICATION,
        /** The engine answered with an HTTP error and usually a fault. */
        FAULT,
        /** The answer could not be read (not XML, empty body where XML was expected). */
        UNREADABLE,
        /** The site's configuration is unusable (CA file missing or not a certificate). */
        CONFIGURATION
    }

    private final String site;
    private final Kind kind;
    private final int httpCode;
    private final String reason;
    private final String engineText;
    private final boolean transientFailure;
    private final int attempts;

    public EngineException(String site, Kind kind, int httpCode, String reason, String engineText,
            boolean transientFailure, int attempts, Throwable cause) {
        super(describe(site, kind, httpCode, reason, engineText), cause);
        this.site = Objects.requireNonNull(site, "site");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpCode = httpCode;
        this.reason = reason;
        this.engineText = engineText == null ? "" : engineText;
        this.transientFailure = transientFailure;
        this.attempts = attempts;
    }

    public EngineException(String site, int httpCode, String reason, String engineText, boolean transientFailure) {
        this(site, Kind.FAULT, httpCode, reason, engineText, transientFailure, 1, null);
    }

    public String site() {
        return site;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int httpCode() {
        return httpCode;
    }

    /** The fault reason, e.g. {@code Operation Failed}; may be null. */
    public String reason() {
        return reason;
    }

    /** The engine's own words, e.g. {@code Cannot add VM. The VM name is already in use, ...}. Never null. */
    public String engineText() {
        return engineText;
    }

    /** Worth retrying: the same call may succeed a little later. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** How many times the call was tried before giving up. */
    public int attempts() {
        return attempts;
    }

    /** The same failure, noting how many attempts were made. */
    public EngineException afterAttempts(int count) {
        EngineException copy = new EngineException(site, kind, httpCode, reason, engineText, transientFailure, count,
                getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    private static String describe(String site, Kind kind, int httpCode, String reason, String text) {
        StringBuilder out = new StringBuilder("site ").append(site).append(": ");
        if (httpCode > 0) {
            out.append("HTTP ").append(httpCode).append(' ');
        } else {
            out.append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(' ');
        }
        if (reason != null && !reason.equals(text)) {
            out.append(reason).append(": ");
        }
        return out.append(text).toString();
    }
}
