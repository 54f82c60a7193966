package io.vdibot.adapters.teams.testing;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/** The endpoint servlet in a real Tomcat on a free port, and a client that posts activities to it. */
public final class EndpointServer implements AutoCloseable {

    private final Tomcat tomcat;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public EndpointServer(HttpServlet servlet) throws IOException, LifecycleException {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("teams-endpoint").toString());
        tomcat.setPort(0);
        tomcat.setHostname("127.0.0.1");
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "teams", servlet);
        context.addServletMappingDecoded("/api/messages", "teams");
        tomcat.start();
    }

    public String url() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/api/messages";
    }

    /** Posts an activity with the given Authorization header ({@code null}: none). */
    public HttpResponse<String> post(String body, String authorization) throws IOException, InterruptedException {
        return post(url(), body, authorization, client);
    }

    public static HttpResponse<String> post(String url, String body, String authorization, HttpClient client)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

}
