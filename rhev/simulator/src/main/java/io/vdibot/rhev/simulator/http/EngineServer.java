package io.vdibot.rhev.simulator.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * One engine's HTTPS front door on 127.0.0.1: the API, the SSO servlets, the CA download and the
 * simulator's admin endpoint (outside the API path).
 */
public final class EngineServer implements AutoCloseable {

    private static final int WORKER_THREADS = 16;
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes an answer's headers and body separately; with Nagle's algorithm on, the body then
        // waits for the client's delayed ACK, about 40 ms per request, a stall no real engine has. The setting is
        // read once, when the JDK server is first used, and one set explicitly is left alone.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpsServer server;
    private final ExecutorService workers;

    public EngineServer(int port, SSLContext tls, String caPem, Authenticator authenticator, FaultPlan faults,
            Router router, HttpHandler admin) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        workers = Executors.newFixedThreadPool(WORKER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "engine-" + port);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);

        SsoEndpoints sso = new SsoEndpoints(authenticator, faults);
        server.createContext(ApiEndpoint.PREFIX, new ApiEndpoint(authenticator, faults, router));
        server.createContext("/ovirt-engine/sso/oauth/token", sso::token);
        server.createContext("/ovirt-engine/services/sso-logout", sso::logout);
        byte[] pem = caPem.getBytes(StandardCharsets.US_ASCII);
        server.createContext("/ovirt-engine/services/pki-resource", exchange -> {
            if (faults.isDown()) {
                ApiEndpoint.abort(exchange);
                return;
            }
            Map<String, String> query = Exchanges.parseForm(
                    exchange.getRequestURI().getRawQuery() == null ? new byte[0]
                            : exchange.getRequestURI().getRawQuery().getBytes(StandardCharsets.US_ASCII));
            if ("ca-certificate".equals(query.get("resource"))) {
                Exchanges.send(exchange, 200, "application/x-x509-ca-cert", pem);
            } else {
                Exchanges.send(exchange, 404, null, null);
            }
        });
        server.createContext("/simulator/admin", admin);
        server.createContext("/", exchange -> Exchanges.send(exchange, 404, null, null));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
