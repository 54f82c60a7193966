package io.vdibot.adapters.slack;

import java.time.Duration;

/** Slack answered 429 for a method: nothing of that method may be sent for this workspace before {@link #retryAfter()}. */
public final class SlackRateLimitedException extends SlackCallException {

    private final Duration retryAfter;

    public SlackRateLimitedException(String method, Duration retryAfter) {
        super(method, "ratelimited, retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
