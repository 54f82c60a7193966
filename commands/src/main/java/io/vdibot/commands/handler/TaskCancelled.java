package io.vdibot.commands.handler;

/**
 * Someone cancelled the task while it ran: thrown by {@link StepJournal#run} before the next step starts, so the
 * task stops at a step boundary with everything it did so far kept. A handler that knows what it leaves in place
 * says so through {@link #leaving}.
 */
public final class TaskCancelled extends RuntimeException {

    private final String cancelledBy;
    private final String leftInPlace;

    public TaskCancelled(String cancelledBy, String leftInPlace) {
        super("cancelled by " + cancelledBy);
        this.cancelledBy = cancelledBy;
        this.leftInPlace = leftInPlace;
    }

    /** Who asked for the cancellation (a display name). */
    public String cancelledBy() {
        return cancelledBy;
    }

    /** What the task created and keeps, in the requester's language, or null when nothing. */
    public String leftInPlace() {
        return leftInPlace;
    }

    /** The same cancellation, with what the task leaves in place. */
    public TaskCancelled leaving(String what) {
        return what == null ? this : new TaskCancelled(cancelledBy, what);
    }
}
