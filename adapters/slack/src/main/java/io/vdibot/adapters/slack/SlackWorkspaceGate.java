package io.vdibot.adapters.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.IdentityRefusal;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through only requests from the workspaces the bot serves ({@link SlackAccess#servesTeam}), before any
 * listener runs: a signature proves a request comes from Slack, not that it comes from our workspace, and an app can
 * be installed in several. A slash command from elsewhere is answered with one private line; every other payload is
 * acked with nothing in it (Slack would retry an error) and logged. The team is the one Bolt reads from the payload:
 * the installation's for events ({@code authorizations}), the acting workspace's for commands and interactions.
 */
final class SlackWorkspaceGate implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(SlackWorkspaceGate.class);

    private final SlackAccess access;
    private final Locale locale;

    SlackWorkspaceGate(SlackAccess access, Locale locale) {
        this.access = access;
        this.locale = locale;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        RequestType type = req.getRequestType();
        Context context = req.getContext();
        // Slack's reachability checks carry no team and run nothing.
        if (type == RequestType.SSLCheck || type == RequestType.UrlVerification
                || access.servesTeam(context.getTeamId(), context.getEnterpriseId())) {
            return chain.next(req);
        }
        LOG.warn("Slack {} from workspace {} (organisation {}) refused: not in {}", type, context.getTeamId(),
                context.getEnterpriseId(), SlackAccess.ALLOWED_TEAM_IDS);
        return refusal(type);
    }

    private Response refusal(RequestType type) {
        if (type == RequestType.Command) {
            JsonObject body = new JsonObject();
            body.addProperty("response_type", "ephemeral");
            body.addProperty("text", Messages.forLocale(locale).format(IdentityRefusal.WORKSPACE.messageKey()));
            return Response.json(200, body);
        }
        if (type == RequestType.BlockSuggestion) {
            // an options request wants a list, even an empty one
            JsonObject body = new JsonObject();
            body.add("options", new JsonArray());
            return Response.json(200, body);
        }
        return Response.ok();
    }
}
