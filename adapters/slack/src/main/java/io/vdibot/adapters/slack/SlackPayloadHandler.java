package io.vdibot.adapters.slack;

import com.slack.api.bolt.App;

/**
 * One kind of Slack payload, handled as Bolt wants it: listeners registered by id (command name, event type, action
 * or callback id), each acking at once — Slack wants the ack within 3 s — and leaving the work to
 * {@link SlackHandOver}'s workers.
 */
interface SlackPayloadHandler {

    /** Registers this handler's listeners with {@code app}, under the ids they answer. */
    void register(App app);
}
