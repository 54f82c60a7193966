package io.vdibot.adapters.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/**
 * The one workspace this app is installed in: puts the bot token in each request's context. It replaces Bolt's
 * single-team authorization, which calls {@code auth.test} on the ack path; the adapter's own signature check has
 * already established that the request comes from Slack.
 */
final class BotTokenContext implements Middleware {

    private final String botToken;

    BotTokenContext(String botToken) {
        this.botToken = botToken;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        req.getContext().setBotToken(botToken);
        return chain.next(req);
    }
}
