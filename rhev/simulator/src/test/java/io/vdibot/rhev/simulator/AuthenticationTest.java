package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.ConnectionBuilder;

/** The engine's SSO, Basic authentication on the API, token revocation and the CA download. */
class AuthenticationTest {

    private static final String CA_URL =
            "ovirt-engine/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA";

    private static SimulatorFixture fixture;

    @BeforeAll
    static void start() {
        fixture = SimulatorFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void theSdkConnectsWithTheRightPassword() {
        Connection connection = fixture.connect("dc1");
        assertThat(connection.systemService().get().send().api().productInfo().name()).isEqualTo("oVirt Engine");
        assertThat(connection.validate()).isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedWithTheSsoErrorTheSdkSurfaces() {
        Connection connection = fixture.connect("dc1", "not-the-password");
        // The SDK prints the JSON values as JSON (quoted) and wraps the SSO error in its transport error.
        assertThatThrownBy(() -> connection.systemService().get().send())
                .hasMessage("Failed to send request")
                .hasRootCauseMessage("Error during SSO authentication \"access_denied\" : \"Cannot authenticate "
                        + "user 'admin@internal': The username or password is incorrect..\"");
    }

    @Test
    void basicAuthenticationWorksOnTheApi() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        HttpResponse<String> response = raw.send(HttpRequest.newBuilder(raw.api("datacenters"))
                .header("Authorization", basic("admin@internal", SimulatorFixture.PASSWORD)).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<name>Paris-DC</name>");

        HttpResponse<String> wrong = raw.send(HttpRequest.newBuilder(raw.api("datacenters"))
                .header("Authorization", basic("admin@internal", "nope")).GET().build());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void noCredentialsGet401WithTheBasicChallenge() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        HttpResponse<String> response = raw.send(HttpRequest.newBuilder(raw.api("vms")).GET().build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"RESTAPI\"");
        assertThat(response.body()).contains("Unauthorized");
    }

    @Test
    void closingTheConnectionRevokesItsToken() throws Exception {
        Connection connection = fixture.connect("dc1");
        String token = connection.authenticate();
        RawApi raw = RawApi.connect(fixture, "dc1");
        HttpRequest withToken = HttpRequest.newBuilder(raw.api("clusters"))
                .header("Authorization", "Bearer " + token).GET().build();
        assertThat(raw.send(withToken).statusCode()).isEqualTo(200);

        connection.close();

        assertThat(raw.send(withToken).statusCode()).isEqualTo(401);
        assertThat(raw.get("clusters").statusCode()).as("other tokens live on").isEqualTo(200);
    }

    @Test
    void theDownloadedCaSignsTheServerCertificateAndIsAllAClientNeeds(@TempDir Path dir) throws Exception {
        // Like `curl -k`: a new client cannot verify the engine before it has the engine's CA.
        RawApi bootstrap = RawApi.connect(fixture, "dc2");
        HttpResponse<String> download = RawApi.send(RawApi.client(trustAnything()),
                HttpRequest.newBuilder(bootstrap.engine(CA_URL)).GET().build());
        assertThat(download.statusCode()).isEqualTo(200);
        String pem = download.body();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----").isEqualTo(fixture.simulator().caCertificatePem());

        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore onlyThatCa = KeyStore.getInstance("PKCS12");
        onlyThatCa.load(null, null);
        onlyThatCa.setCertificateEntry("engine-ca", ca);

        HttpResponse<String> trusted = RawApi.send(RawApi.client(RawApi.sslContext(onlyThatCa)),
                HttpRequest.newBuilder(bootstrap.engine(CA_URL)).GET().build());
        SSLSession session = trusted.sslSession().orElseThrow();
        X509Certificate server = (X509Certificate) session.getPeerCertificates()[0];
        server.verify(ca.getPublicKey());
        assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());

        Path trustStore = dir.resolve("engine-ca.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            onlyThatCa.store(out, RawApi.TRUST_PASSWORD.toCharArray());
        }
        try (Connection sdk = ConnectionBuilder.connection().url(fixture.url("dc1")).user("admin@internal")
                .password(SimulatorFixture.PASSWORD).trustStoreFile(trustStore.toString())
                .trustStorePassword(RawApi.TRUST_PASSWORD).build()) {
            assertThat(sdk.systemService().clustersService().list().send().clusters()).isNotEmpty();
        }
    }

    @Test
    void aClientTrustingNothingFailsTheHandshake() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        HttpClient client = RawApi.client(RawApi.sslContext(empty));
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(fixture.url("dc1"))).GET().build();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(causes(e)).anyMatch(SSLHandshakeException.class::isInstance));
    }

    private static SSLContext trustAnything() throws Exception {
        X509TrustManager anything = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {anything}, null);
        return context;
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
