package io.vdibot.commands.handler;

/**
 * A failure to report to the requester as it is: the message is already in the requester's language
 * (engine texts are quoted verbatim), and {@code cleanedUp} says what was undone.
 */
public class TaskFailure extends RuntimeException {

    private final String cleanedUp;
    private final boolean inErrorLog;

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
    }

    /** Whether the task's error log already holds this failure's reason. */
    public boolean inErrorLog() {
        return inErrorLog;
    }

    /** What was cleaned up after the failure, or null when nothing needed it. */
    public String cleanedUp() {
        return cleanedUp;
    }
}
