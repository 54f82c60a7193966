package io.vdibot.adapters.slack;

import com.slack.api.bolt.App;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything Slack sends, each kind to its handler: commands (slash command, mentions, direct messages), clicks
 * (buttons), submissions (modals), options (external selects) and App Home openings. Bolt routes by the ids each
 * handler registers; payloads no handler claims, such as a closed modal, are acked and dropped.
 */
final class SlackInbound {

    private final List<SlackPayloadHandler> handlers;

    SlackInbound(List<SlackPayloadHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    void register(App app) {
        handlers.forEach(handler -> handler.register(app));
        app.viewClosed(Pattern.compile("^.*$"), (req, ctx) -> ctx.ack());
    }
}
