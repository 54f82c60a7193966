package io.vdibot.core.management;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;

/** Plain HTTP to a running bot's management server (or to any port of it), as Prometheus and Kubernetes ask. */
public final class ManagementClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public ManagementClient(int port) {
        this.port = port;
    }

    /** The management port a bot listens on; tests start it on a free one. */
    public static ManagementClient of(ConfigurableApplicationContext bot) {
        String port = bot.getEnvironment().getProperty("local.management.port");
        if (port == null) {
            throw new AssertionError("the bot started no management server");
        }
        return new ManagementClient(Integer.parseInt(port));
    }

    public int port() {
        return port;
    }

    public HttpResponse<String> get(String path) {
        return get(port, path);
    }

    public HttpResponse<String> get(int onPort, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " on port " + onPort + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
