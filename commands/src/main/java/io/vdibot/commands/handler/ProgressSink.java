package io.vdibot.commands.handler;

import io.vdibot.commands.reply.Reply;

/** Where an executor reports to the request's thread. */
public interface ProgressSink {

    /** Replaces the task's status message; the core drops updates that come faster than the platform allows. */
    void progress(String text);

    /** Posts a reply of its own in the thread (a finished batch, an IP table); never dropped. */
    void milestone(Reply reply);
}
