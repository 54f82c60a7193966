package io.vdibot.adapters.teams;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vdibot.adapters.teams.auth.BotTokenValidator;
import io.vdibot.adapters.teams.auth.TokenRefusedException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}, where the Bot Framework delivers activities. The token is checked before anything of the
 * activity is acted on: no Authorization header is a 401 before the body is even read; a token that fails any check is
 * a 401 or 403 and nothing runs. Then only Teams activities from the tenants served go on ({@link TeamsTenantGate}).
 * Bodies over the limit are refused unread.
 */
public final class TeamsEndpoint extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient BotTokenValidator validator;
    private final transient TeamsTenantGate gate;
    private final transient TeamsInbound inbound;
    private final int maxBodyBytes;

    TeamsEndpoint(BotTokenValidator validator, TeamsTenantGate gate, TeamsInbound inbound, int maxBodyBytes) {
        this.validator = validator;
        this.gate = gate;
        this.inbound = inbound;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            LOG.info("refused a Teams request without a token from {}", request.getRemoteAddr());
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        InboundActivity activity = new InboundActivity(json);
        try {
            validator.validate(authorization, activity.serviceUrl(), activity.channelId());
        } catch (TokenRefusedException e) {
            LOG.warn("refused a Teams request from {}: {}", request.getRemoteAddr(), e.getMessage());
            response.sendError(e.reason().status());
            return;
        }
        Answer answer = gate.refusal(activity).orElseGet(() -> inbound.handle(activity));
        response.setStatus(answer.status());
        if (answer.body() != null) {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(JSON.writeValueAsBytes(answer.body()));
        }
    }

    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > maxBodyBytes) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
