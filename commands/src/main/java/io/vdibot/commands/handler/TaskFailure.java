package io.vdibot.commands.handler;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.i18n.Text;

/**
 * A failure to report to the requester as it is: the message is already in the requester's language
 * (engine texts are quoted verbatim), and {@code cleanedUp} says what was undone.
 */
public class TaskFailure extends RuntimeException {

    private final String cleanedUp;
    private final boolean inErrorLog;
    private final transient Text reason;

    public TaskFailure(String message, String cleanedUp) {
        this(message, cleanedUp, null, false);
    }

    public TaskFailure(String message, String cleanedUp, Throwable cause) {
        this(message, cleanedUp, cause, false);
    }

    /**
     * @param inErrorLog true when the handler already wrote the reason to the task's error log (the failed step and
     *                   what it left in place), so that the core does not write the same words a second time
     */
    public TaskFailure(String message, String cleanedUp, Throwable cause, boolean inErrorLog) {
        super(message, cause);
        this.cleanedUp = cleanedUp;
        this.inErrorLog = inErrorLog;
        this.reason = null;
    }

    /** A failure whose reason is a message: said in the requester's language, kept to be said in others'. */
    public TaskFailure(Text reason, Messages requester) {
        super(reason.in(requester));
        this.cleanedUp = null;
        this.inErrorLog = false;
        this.reason = reason;
    }

    /** Whether the task's error log already holds this failure's reason. */
    public boolean inErrorLog() {
        return inErrorLog;
    }

    /** The reason before it was put into words, or null when it is free text (an engine's explanation). */
    public Text reason() {
        return reason;
    }

    /** What was cleaned up after the failure, or null when nothing needed it. */
    public String cleanedUp() {
        return cleanedUp;
    }
}
