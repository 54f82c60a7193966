package io.vdibot.rhev.simulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Plain HTTP against one simulated engine, below the SDK: for what the SDK hides (status codes,
 * headers, raw XML) and for checking the wire format itself. Authenticates like the SDK does, with
 * a bearer token from the SSO password grant.
 */
public final class RawApi {

    /** The trust store password {@link SimulatorFixture} uses. */
    public static final String TRUST_PASSWORD = "changeit";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI engine;
    private final String token;

    private RawApi(HttpClient client, URI engine, String token) {
        this.client = client;
        this.engine = engine;
        this.token = token;
    }

    /** A client of {@code site} trusting the fixture's CA, logged in as admin@internal. */
    public static RawApi connect(SimulatorFixture fixture, String site) {
        return connect(fixture.url(site), fixture.trustStore(), SimulatorFixture.PASSWORD);
    }

    /** @param apiUrl e.g. {@code https://127.0.0.1:18443/ovirt-engine/api} */
    public static RawApi connect(String apiUrl, Path trustStore, String password) {
        HttpClient client = client(sslContext(trustStore));
        URI engine = URI.create(apiUrl.replaceFirst("/ovirt-engine/api/?$", "/"));
        return new RawApi(client, engine, requestToken(client, engine, password));
    }

    /** An HTTP client with the given TLS trust; redirects are never followed. */
    public static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A TLS context trusting exactly the certificates of a PKCS12 trust store. */
    public static SSLContext sslContext(Path trustStore) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TRUST_PASSWORD.toCharArray());
            return sslContext(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SSLContext sslContext(KeyStore trusted) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String token() {
        return token;
    }

    public HttpClient client() {
        return client;
    }

    /** {@code path} below {@code /ovirt-engine/api}, with its query string, e.g. {@code vms?max=1}. */
    public URI api(String path) {
        return engine.resolve("ovirt-engine/api" + (path.isEmpty() || path.startsWith("?") ? "" : "/") + path);
    }

    public URI engine(String path) {
        return engine.resolve(path);
    }

    /** An API request with the headers the SDK sends. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(30))
                .header("Version", "4").header("Accept", "application/xml")
                .header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> post(String path, String xml) {
        return send(request(path).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(client, request);
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Encodes a query parameter value, e.g. a search expression. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String requestToken(HttpClient client, URI engine, String password) {
        String form = form(Map.of("grant_type", "password", "scope", "ovirt-app-api",
                "username", "admin@internal", "password", password));
        HttpResponse<String> response = send(client, HttpRequest.newBuilder(engine.resolve("ovirt-engine/sso/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        try {
            JsonNode body = JSON.readTree(response.body());
            if (!body.hasNonNull("access_token")) {
                throw new IllegalStateException("SSO refused: " + response.body());
            }
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return out.toString();
    }
}
