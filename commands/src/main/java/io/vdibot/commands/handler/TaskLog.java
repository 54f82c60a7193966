package io.vdibot.commands.handler;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.i18n.Text;

/** A task's deploy log (what was done) and error log (what failed and why). Never pass secrets. */
public interface TaskLog {

    void deploy(String message);

    void error(String message);

    /**
     * A deploy log line from a message, in the requester's language; a log that can keep the message itself does,
     * so that each reader of the log reads the line in their own language.
     */
    default void deploy(Text message, Messages requester) {
        deploy(message.in(requester));
    }

    /** An error log line from a message; see {@link #deploy(Text, Messages)}. */
    default void error(Text message, Messages requester) {
        error(message.in(requester));
    }
}
