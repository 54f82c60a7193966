package io.vdibot.adapters.teams.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Bot Framework around the bot, on one WireMock server: the OpenID metadata and key set the channel service
 * publishes, the token endpoint for the bot's own calls, and the Bot Connector API ({@code /v3/conversations/…}) with
 * rosters. New activities get ids {@code act-<n>}.
 */
public final class FakeBotFramework implements AutoCloseable {

    public static final String APP_ID = "vdibot-app-id";
    public static final String APP_PASSWORD = "not-a-real-secret";

    private final WireMockServer server;
    private final List<TokenMinter> published = new ArrayList<>();
    private final List<Activities.User> roster = new ArrayList<>();

    public FakeBotFramework() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .globalTemplating(true));
        server.start();
        server.stubFor(get(urlEqualTo("/v1/.well-known/openidconfiguration")).willReturn(okJson("{\"issuer\":"
                + "\"https://api.botframework.com\",\"authorization_endpoint\":\"https://invalid.botframework.com\","
                + "\"jwks_uri\":\"" + baseUrl() + "/v1/.well-known/keys\",\"id_token_signing_alg_values_supported\":"
                + "[\"RS256\"],\"token_endpoint_auth_methods_supported\":[\"private_key_jwt\"]}")));
        server.stubFor(post(urlEqualTo("/botframework.com/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\"outbound-token\"}")));
        String created = "{\"id\":\"act-{{randomValue length=10 type='NUMERIC'}}\"}";
        server.stubFor(post(urlPathMatching("/v3/conversations/[^/]+/activities(/[^/]+)?"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(created)));
        server.stubFor(put(urlPathMatching("/v3/conversations/[^/]+/activities/[^/]+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(created)));
        server.stubFor(post(urlEqualTo("/v3/conversations")).willReturn(okJson(
                "{\"id\":\"a:personal-{{randomValue length=6 type='NUMERIC'}}\"}")));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** What activities carry in {@code serviceUrl}: the Connector API's base. */
    public String serviceUrl() {
        return baseUrl() + "/";
    }

    public String openIdMetadataUrl() {
        return baseUrl() + "/v1/.well-known/openidconfiguration";
    }

    public String tokenEndpoint() {
        return baseUrl() + "/botframework.com/oauth2/v2.0/token";
    }

    public WireMockServer server() {
        return server;
    }

    /** Publishes a signing key in the key set. */
    public void publish(TokenMinter minter) {
        published.add(minter);
        ObjectNode set = Activities.JSON.createObjectNode();
        ArrayNode keys = set.putArray("keys");
        published.forEach(m -> keys.add(Activities.JSON.valueToTree(m.jwk())));
        server.stubFor(get(urlEqualTo("/v1/.well-known/keys")).willReturn(okJson(set.toString())));
    }

    /** Adds a person to every conversation's roster, with UPN and e-mail as Teams reports them. */
    public void member(Activities.User user) {
        roster.add(user);
        server.stubFor(get(urlMatching("/v3/conversations/[^/]+/members/" + user.id().replace(":", "(:|%3A)")))
                .willReturn(okJson(memberJson(user).toString())));
        listRoster();
    }

    /** Adds a guest of the organisation (Entra B2B) to every roster: Teams says {@code userRole: guest}. */
    public void guest(Activities.User user) {
        roster.add(user);
        ObjectNode member = memberJson(user).put("userRole", "guest");
        server.stubFor(get(urlMatching("/v3/conversations/[^/]+/members/" + user.id().replace(":", "(:|%3A)")))
                .willReturn(okJson(member.toString())));
        listRoster();
    }

    private void listRoster() {
        ArrayNode all = Activities.JSON.createArrayNode();
        roster.forEach(u -> all.add(memberJson(u)));
        server.stubFor(get(urlPathMatching("/v3/conversations/[^/]+/members")).willReturn(okJson(all.toString())));
    }

    private static ObjectNode memberJson(Activities.User user) {
        ObjectNode member = Activities.JSON.createObjectNode();
        member.put("id", user.id());
        member.put("name", user.name());
        member.put("aadObjectId", user.aadObjectId());
        member.put("email", user.upn());
        member.put("userPrincipalName", user.upn());
        member.put("tenantId", Activities.TENANT);
        member.put("userRole", "user");
        return member;
    }

    /** Every request the bot made to the Connector API (not the keys or the token endpoint). */
    public List<LoggedRequest> connectorCalls() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                urlPathMatching("/v3/.*")));
    }

    /** Bodies of the activities the bot posted or updated, in order. */
    public List<JsonNode> sentActivities() {
        return connectorCalls().stream()
                .filter(r -> r.getMethod().value().equals("POST") || r.getMethod().value().equals("PUT"))
                .filter(r -> r.getUrl().contains("/activities"))
                .flatMap(r -> {
                    try {
                        return Stream.of(Activities.JSON.readTree(r.getBodyAsString()));
                    } catch (Exception e) {
                        return Stream.empty();
                    }
                }).toList();
    }

    /** All text of what the bot sent, card text runs included, one string per activity. */
    public List<String> sentTexts() {
        return sentActivities().stream().map(FakeBotFramework::allText).toList();
    }

    public static String allText(JsonNode node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ((e.getKey().equals("text") || e.getKey().equals("title")) && e.getValue().isTextual()) {
                    out.append(e.getValue().asText()).append('\n');
                } else {
                    collect(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    public void resetCalls() {
        server.resetRequests();
    }

    /** The next connector calls matching {@code urlRegex} answer {@code status} (e.g. 429), then normal again. */
    public void failNext(String method, String urlRegex, int status, int times, String retryAfter) {
        for (int i = 0; i < times; i++) {
            String state = i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "fail-" + i;
            var response = aResponse().withStatus(status);
            if (retryAfter != null) {
                response = response.withHeader("Retry-After", retryAfter);
            }
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.request(method, urlPathMatching(urlRegex))
                    .atPriority(1).inScenario("fail-" + method + urlRegex).whenScenarioStateIs(state)
                    .willReturn(response).willSetStateTo(i + 1 < times ? "fail-" + (i + 1) : "ok"));
        }
    }

    public Map<String, Object> appSettings() {
        return Map.of("appId", APP_ID, "openIdMetadataUrl", openIdMetadataUrl(), "oauthEndpoint", tokenEndpoint());
    }

    @Override
    public void close() {
        server.stop();
    }
}
