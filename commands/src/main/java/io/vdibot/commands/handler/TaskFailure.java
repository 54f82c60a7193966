package io.vdibot.commands.handler;

/**
 * A failure to report to the requester as it is: the message is already in the requester's language
 * (engine texts are quoted verbatim), and {@code cleanedUp} says what was undone.
 */
public class TaskFailure extends RuntimeException {

    private final String cleanedUp;

    public TaskFailure(String message, String cleanedUp) {
        super(message);
        this.cleanedUp = cleanedUp;
    }

    public TaskFailure(String message, String cleanedUp, Throwable cause) {
        super(message, cause);
        this.cleanedUp = cleanedUp;
    }

    /** What was cleaned up after the failure, or null when nothing needed it. */
    public String cleanedUp() {
        return cleanedUp;
    }
}
