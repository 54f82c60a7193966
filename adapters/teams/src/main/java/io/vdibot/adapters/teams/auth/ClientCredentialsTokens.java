package io.vdibot.adapters.teams.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OAuth 2.0 client credentials against the configured token endpoint (Entra ID's
 * {@code …/botframework.com/oauth2/v2.0/token}, a tenant's for single-tenant bots, a sovereign cloud's, or a test's),
 * with the app password or a certificate assertion. The token is reused until five minutes before it expires; the
 * secret never leaves this class except in the request body to the token endpoint.
 */
public final class ClientCredentialsTokens implements AccessTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final String tokenEndpoint;
    private final String appId;
    private final String password;
    private final ClientCertificate certificate;
    private final String scope;
    private final OkHttpClient http;
    private final Clock clock;
    private String cached;
    private Instant renewAt = Instant.MIN;

    public ClientCredentialsTokens(String tokenEndpoint, String appId, String password, ClientCertificate certificate,
                                   String scope, OkHttpClient http, Clock clock) {
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.appId = Objects.requireNonNull(appId, "appId");
        if ((password == null) == (certificate == null)) {
            throw new IllegalArgumentException("give the Teams app password or a certificate, not both or neither");
        }
        this.password = password;
        this.certificate = certificate;
        this.scope = Objects.requireNonNull(scope, "scope");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized String token() throws IOException {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(renewAt)) {
            return cached;
        }
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("client_id", appId)
                .add("scope", scope);
        if (password != null) {
            form.add("client_secret", password);
        } else {
            form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                    .add("client_assertion", assertion(now));
        }
        Request request = new Request.Builder().url(tokenEndpoint).post(form.build()).build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            JsonNode json = body == null ? JSON.createObjectNode() : JSON.readTree(body.byteStream());
            if (!response.isSuccessful() || !json.hasNonNull("access_token")) {
                // the endpoint's error code says what is wrong (e.g. invalid_client) and holds no secret
                throw new IOException("token endpoint answered " + response.code() + " "
                        + json.path("error").asText("") + " " + json.path("error_codes").toString());
            }
            cached = json.get("access_token").asText();
            long lifetime = json.path("expires_in").asLong(3600);
            renewAt = now.plusSeconds(lifetime).minus(MARGIN);
            return cached;
        }
    }

    /** RFC 7523 client assertion, signed with the certificate's key; valid ten minutes. */
    private String assertion(Instant now) {
        return JWT.create()
                .withHeader(Map.of("x5t", certificate.thumbprint()))
                .withAudience(tokenEndpoint)
                .withIssuer(appId)
                .withSubject(appId)
                .withJWTId(UUID.randomUUID().toString())
                .withNotBefore(now)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(Duration.ofMinutes(10)))
                .sign(Algorithm.RSA256(null, certificate.privateKey()));
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokens[" + tokenEndpoint + ", appId=" + appId + ", "
                + (password != null ? "password=***" : certificate) + "]";
    }
}
