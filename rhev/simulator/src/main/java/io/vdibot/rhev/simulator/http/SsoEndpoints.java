package io.vdibot.rhev.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SSO servlets an API client talks to: {@code /ovirt-engine/sso/oauth/token} (password grant)
 * and {@code /ovirt-engine/services/sso-logout}, answering in the engine's JSON shapes.
 */
final class SsoEndpoints {

    private static final String JSON = "application/json";
    private static final String API_SCOPE = "ovirt-app-api";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Authenticator authenticator;
    private final FaultPlan faults;

    SsoEndpoints(Authenticator authenticator, FaultPlan faults) {
        this.authenticator = authenticator;
        this.faults = faults;
    }

    void token(HttpExchange exchange) throws IOException {
        if (faults.isDown()) {
            ApiEndpoint.abort(exchange);
            return;
        }
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            Exchanges.send(exchange, 405, null, null);
            return;
        }
        Map<String, String> form = Exchanges.parseForm(Exchanges.readBody(exchange));
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        String grant = form.get("grant_type");
        String scope = form.get("scope");
        if (!"application/json".equals(accept)) {
            error(exchange, "invalid_request", "Missing parameter: 'Accept Header'");
        } else if (grant == null) {
            error(exchange, "invalid_request", "Missing parameter: 'grant_type'");
        } else if (!"password".equals(grant)) {
            error(exchange, "unsupported_grant_type", "The authorization grant type is not supported.");
        } else if (scope == null || !scope.contains(API_SCOPE)) {
            error(exchange, "invalid_scope", "The requested scope is invalid, unknown, or malformed.");
        } else if (form.get("username") == null || form.get("password") == null) {
            error(exchange, "invalid_request",
                    "Missing parameter: '" + (form.get("username") == null ? "username" : "password") + "'");
        } else if (!authenticator.checkPassword(form.get("username"), form.get("password"))) {
            error(exchange, "access_denied", "Cannot authenticate user '" + form.get("username")
                    + "': The username or password is incorrect..");
        } else {
            String token = authenticator.issueToken();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token);
            body.put("scope", scope);
            body.put("exp", String.valueOf(authenticator.expiryOf(token).toEpochMilli()));
            body.put("token_type", "bearer");
            Exchanges.send(exchange, 200, JSON, MAPPER.writeValueAsBytes(body));
        }
    }

    void logout(HttpExchange exchange) throws IOException {
        if (faults.isDown()) {
            ApiEndpoint.abort(exchange);
            return;
        }
        Map<String, String> form = Exchanges.parseForm(Exchanges.readBody(exchange));
        String token = form.get("token");
        if (token != null) {
            authenticator.revoke(token);
        }
        Exchanges.send(exchange, 200, JSON, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** With the API scope the engine answers {"error_code": code, "error": message}, status 400. */
    private static void error(HttpExchange exchange, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("error", message);
        Exchanges.send(exchange, 400, JSON, MAPPER.writeValueAsBytes(body));
    }
}
