package io.vdibot.commands.port;

import io.vdibot.commands.reply.Reply;

/**
 * The way out of the core, implemented by each adapter: post into a request's thread, edit a posted message, and
 * alert the on-call people. Implementations handle their platform's rate limits and retries.
 */
public interface ThreadNotifier {

    /** Posts {@code reply} in the thread and returns a handle to edit it later. */
    MessageHandle post(ThreadRef thread, Reply reply);

    /** Replaces the content of a message posted earlier, e.g. to show progress. */
    void update(MessageHandle message, Reply reply);

    /**
     * Asks this platform's approvers (their configured channel) to decide on the task of {@code requestThread}
     * ({@link ThreadRef#taskCode()}); {@code question} carries the Approve and Reject actions.
     */
    void notifyApprovers(ThreadRef requestThread, Reply question);

    /**
     * Reminds this platform's approvers that the task of {@code requestThread} still waits for them: where they
     * will see it in their channel, next to the approval card when the platform can tie the two together. By
     * default it goes where approvers are asked.
     */
    default void remindApprovers(ThreadRef requestThread, Reply reminder) {
        notifyApprovers(requestThread, reminder);
    }

    /**
     * Redraws the approval card of the task of {@code requestThread} as {@code closed}, which has no actions: nobody
     * can decide on it any more (it expired, or was cancelled). A card this process cannot find is left as it is,
     * and so, by default, is every card: a platform whose messages cannot change has nothing to redraw.
     */
    default void closeApproval(ThreadRef requestThread, Reply closed) {
    }

    /**
     * An approver decided on the task of {@code requestThread}, and was answered in {@code decidedIn}: redraws its
     * approval card as {@code closed}, unless the decision was a click on that card, whose answer redraws it. By
     * default nothing: a platform whose messages cannot change has the decision in the thread already.
     */
    default void approvalDecided(ThreadRef requestThread, ThreadRef decidedIn, Reply closed) {
    }

    /** Sends {@code reply} to wherever this platform's on-call people are configured to be reached. */
    void notifyOnCall(Reply reply);
}
