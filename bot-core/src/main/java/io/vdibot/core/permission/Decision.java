package io.vdibot.core.permission;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "may this user do this?".
 *
 * <p>Two audiences: the user sees {@link #userMessageKey()}, which is the same for every denial so it
 * cannot reveal which rule failed or which groups matter; the audit log gets {@link #auditReason()}, which
 * names the user, the permission and the roles involved, and is safe to log (no secrets, no control
 * characters).
 *
 * @param allowed whether the action may go ahead
 * @param auditReason why, for the audit log only
 */
public record Decision(boolean allowed, String auditReason) {

    /** Message key shown for every denial. */
    public static final String DENIED_MESSAGE_KEY = "permission.denied";

    public Decision {
        Objects.requireNonNull(auditReason, "auditReason");
    }

    static Decision allow(String auditReason) {
        return new Decision(true, auditReason);
    }

    static Decision deny(String auditReason) {
        return new Decision(false, auditReason);
    }

    public boolean denied() {
        return !allowed;
    }

    /** {@link #DENIED_MESSAGE_KEY} for a denial; empty when allowed. */
    public Optional<String> userMessageKey() {
        return allowed ? Optional.empty() : Optional.of(DENIED_MESSAGE_KEY);
    }

    @Override
    public String toString() {
        return (allowed ? "ALLOWED: " : "DENIED: ") + auditReason;
    }
}
