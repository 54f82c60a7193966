package io.vdibot.adapters.slack;

import java.util.Optional;

/**
 * Where the messages that start a task's Slack thread are remembered, so a restarted bot (or another node) keeps
 * replying under the same message and editing the same status line instead of starting a new thread. The core
 * persists them with the task; {@link InMemorySlackThreadStore} serves tests and single runs.
 */
public interface SlackThreadStore {

    /** The status message in the requester's channel. */
    String STATUS = "status";
    /** The approval card in the approvers' channel. */
    String APPROVAL = "approval";

    Optional<ThreadRoot> find(String taskCode, String purpose);

    void save(String taskCode, String purpose, ThreadRoot root);

    /**
     * The first message posted for a task in a channel.
     *
     * @param channel  the channel id it was posted in (after any redirect)
     * @param ts       its Slack timestamp, which is also the thread's id unless {@code threadTs} is set
     * @param threadTs the thread it was posted in, {@code null} when it starts one
     * @param headline its first line, shown again when the status is edited after a restart
     */
    record ThreadRoot(String channel, String ts, String threadTs, String headline) {

        /** The thread that replies go to. */
        public String replyThread() {
            return threadTs != null ? threadTs : ts;
        }
    }
}
