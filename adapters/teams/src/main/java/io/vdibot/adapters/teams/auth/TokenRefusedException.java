package io.vdibot.adapters.teams.auth;

/**
 * An incoming request whose token does not prove that the Bot Framework sent it. Nothing of the request may run.
 * The reason is for the log only: the caller learns nothing but the status.
 */
public final class TokenRefusedException extends Exception {

    /** Why a token was refused; each maps to the HTTP status the Bot Framework documents. */
    public enum Reason {
        MISSING(401),
        MALFORMED(401),
        ALGORITHM(403),
        ISSUER(403),
        AUDIENCE(403),
        EXPIRED(403),
        NOT_YET_VALID(403),
        UNKNOWN_KEY(403),
        SIGNATURE(403),
        SERVICE_URL(403),
        ENDORSEMENT(403),
        KEYS_UNAVAILABLE(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public TokenRefusedException(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
