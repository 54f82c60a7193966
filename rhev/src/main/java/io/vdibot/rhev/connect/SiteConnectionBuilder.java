package io.vdibot.rhev.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.CookieSpecs;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.ssl.SSLContexts;
import org.ovirt.engine.sdk4.ConnectionBuilder;
import org.ovirt.engine.sdk4.Error;
import org.ovirt.engine.sdk4.HttpClient;

/**
 * The SDK's connection builder with the HTTP client we need: it trusts exactly the certificates of the configured
 * trust store (never the JVM's default CAs, never "insecure"), verifies the host name, and sets a read timeout
 * and a pool size, which the stock builder does not. Automatic retries of the HTTP client are off: retries are
 * decided in one place, {@code EngineCalls}, where we know whether a call may be repeated.
 */
final class SiteConnectionBuilder extends ConnectionBuilder {

    private final ConnectionSettings settings;
    private final EngineCallMeter meter;

    SiteConnectionBuilder(ConnectionSettings settings, EngineCallMeter meter) {
        this.settings = settings;
        this.meter = meter;
    }

    @Override
    protected HttpClient createHttpClient() {
        if (trustStoreFile == null) {
            throw new IllegalStateException("an engine connection needs the site's CA trust store");
        }
        SSLConnectionSocketFactory tls = new SSLConnectionSocketFactory(sslContext(), new DefaultHostnameVerifier());
        Registry<ConnectionSocketFactory> schemes = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("https", tls).build();
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(schemes);
        pool.setMaxTotal(settings.maxConnections());
        pool.setDefaultMaxPerRoute(settings.maxConnections());
        int connectMs = Math.toIntExact(settings.connectTimeout().toMillis());
        RequestConfig config = RequestConfig.custom()
                .setCookieSpec(CookieSpecs.IGNORE_COOKIES)
                .setConnectTimeout(connectMs)
                .setConnectionRequestTimeout(connectMs)
                .setSocketTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .build();
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(config)
                .disableAutomaticRetries();
        if (!compress) {
            builder.disableContentCompression();
        }
        return new PooledHttpClient(builder.build(), meter);
    }

    private SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(Path.of(trustStoreFile))) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(in, trustStorePassword == null ? null : trustStorePassword.toCharArray());
            return SSLContexts.custom().loadTrustMaterial(trusted, null).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new Error("Cannot load the engine CA trust store", e);
        }
    }

    /** Adapts Apache's client to the SDK's tiny client interface; every request the SDK sends passes here. */
    private static final class PooledHttpClient implements HttpClient {

        private final CloseableHttpClient client;
        private final EngineCallMeter meter;

        PooledHttpClient(CloseableHttpClient client, EngineCallMeter meter) {
            this.client = client;
            this.meter = meter;
        }

        @Override
        public HttpResponse execute(HttpUriRequest request) throws Exception {
            var sample = meter.start();
            HttpResponse response;
            try {
                response = client.execute(request);
            } catch (Exception e) {
                meter.failed(sample, request, e);
                throw e;
            }
            meter.answered(sample, request, response);
            return response;
        }

        @Override
        public void close() throws Exception {
            client.close();
        }
    }
}
