package io.vdibot.adapters.slack;

/**
 * A Slack Web API call that failed: Slack answered {@code ok: false} with an error code (e.g. {@code not_in_channel},
 * {@code expired_trigger_id}), or the call could not be made. Never carries a token.
 */
public class SlackCallException extends RuntimeException {

    private final String method;
    private final String error;

    public SlackCallException(String method, String error) {
        super(method + " failed: " + error);
        this.method = method;
        this.error = error;
    }

    public SlackCallException(String method, String error, Throwable cause) {
        super(method + " failed: " + error, cause);
        this.method = method;
        this.error = error;
    }

    public String method() {
        return method;
    }

    /** Slack's error code, or a short description when the call did not get an answer. */
    public String error() {
        return error;
    }
}
