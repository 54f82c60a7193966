package io.vdibot.rhev.connect;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.http.HttpResponse;
import org.apache.http.client.methods.HttpUriRequest;

/**
 * Times every HTTP request the SDK sends to one site as {@code vdibot.engine.calls}, tagged with the site, the
 * operation and the outcome. The operation is the request's method and path with ids left out ({@code GET /vms},
 * {@code POST /vms/{id}/start}, {@code POST /sso/oauth/token}), so it names what was asked in the API's own words and
 * stays a short list whatever the estate holds. Each retry of {@code EngineCalls} is a request of its own here.
 *
 * <p>The time runs until the engine's status line and headers arrive; reading a long list's body is not in it.
 */
final class EngineCallMeter {

    static final String NAME = "vdibot.engine.calls";
    /** Path segments the API spells in lower-case letters (collections, actions); anything else is an id or name. */
    private static final Pattern WORD = Pattern.compile("[a-z_]+");
    private static final String ENGINE_PREFIX = "/ovirt-engine";
    private static final String API_PREFIX = ENGINE_PREFIX + "/api";

    private final MeterRegistry registry;
    private final String site;

    EngineCallMeter(MeterRegistry registry, String site) {
        this.registry = registry;
        this.site = site;
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void answered(Timer.Sample sample, HttpUriRequest request, HttpResponse response) {
        sample.stop(timer(request, outcome(response.getStatusLine().getStatusCode())));
    }

    void failed(Timer.Sample sample, HttpUriRequest request, Exception failure) {
        sample.stop(timer(request, failure instanceof SSLException ? "tls_error" : "unreachable"));
    }

    private Timer timer(HttpUriRequest request, String outcome) {
        return Timer.builder(NAME)
                .description("HTTP requests to an engine, until its answer's headers arrive")
                .tag("site", site)
                .tag("operation", operation(request.getMethod(), request.getURI()))
                .tag("outcome", outcome)
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                        Duration.ofSeconds(60))
                .register(registry);
    }

    /** {@code POST /vms/{id}/start} for {@code POST https://engine/ovirt-engine/api/vms/4f…/start?async=true}. */
    static String operation(String method, URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.startsWith(API_PREFIX)) {
            path = path.substring(API_PREFIX.length());
        } else if (path.startsWith(ENGINE_PREFIX)) {
            path = path.substring(ENGINE_PREFIX.length());
        }
        StringBuilder operation = new StringBuilder(method.toUpperCase(Locale.ROOT)).append(' ');
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                operation.append('/').append(WORD.matcher(segment).matches() ? segment : "{id}");
            }
        }
        if (operation.charAt(operation.length() - 1) == ' ') {
            operation.append('/');
        }
        return operation.toString();
    }

    static String outcome(int status) {
        if (status < 400) {
            return "success";
        }
        return status < 500 ? "client_error" : "server_error";
    }
}
