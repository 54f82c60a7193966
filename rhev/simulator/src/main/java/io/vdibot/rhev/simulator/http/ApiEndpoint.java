package io.vdibot.rhev.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.vdibot.rhev.simulator.api.Xml;
import io.vdibot.rhev.simulator.engine.Call;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ovirt.engine.sdk4.builders.FaultBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlFaultWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ovirt-engine/api}: version selection, authentication, correlation ids and injected faults
 * in front of the router, with every answer in XML as the SDK insists.
 */
final class ApiEndpoint implements HttpHandler {

    static final String PREFIX = "/ovirt-engine/api";
    private static final String XML = "application/xml;charset=UTF-8";
    private static final Pattern VERSION_PREFIX = Pattern.compile("^/v(\\d+)(/.*)?$");
    private static final Pattern CORRELATION_JUNK = Pattern.compile("[^0-9a-zA-Z_-]");
    private static final byte[] UNAUTHORIZED_PAGE = ("<html><head><title>Error</title></head>"
            + "<body>Unauthorized</body></html>").getBytes(StandardCharsets.UTF_8);
    private static final Logger LOG = LoggerFactory.getLogger(ApiEndpoint.class);

    private final Authenticator authenticator;
    private final FaultPlan faults;
    private final Router router;

    ApiEndpoint(Authenticator authenticator, FaultPlan faults, Router router) {
        this.authenticator = authenticator;
        this.faults = faults;
        this.router = router;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (faults.isDown()) {
                abort(exchange);
                return;
            }
            // URI decoding of the path: %xx sequences only ('+' is a plus sign in a path, not a space)
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            Matcher version = VERSION_PREFIX.matcher(path);
            String versionHeader = exchange.getRequestHeaders().getFirst("Version");
            if (version.matches()) {
                path = version.group(2) == null ? "" : version.group(2);
                versionHeader = version.group(1);
            }
            if (versionHeader != null && !"4".equals(versionHeader.trim())) {
                Exchanges.send(exchange, 400, null, null);
                return;
            }
            if (!authenticator.accepts(header(exchange, "Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"RESTAPI\"");
                Exchanges.send(exchange, 401, "text/html;charset=UTF-8", UNAUTHORIZED_PAGE);
                return;
            }
            long latency = faults.latencyFor(path);
            if (latency > 0) {
                Thread.sleep(latency);
            }
            switch (faults.judge(path)) {
                case RESET -> {
                    abort(exchange);
                    return;
                }
                case FAIL_5XX -> {
                    Exchanges.send(exchange, 503, XML, fault("Service Unavailable",
                            "The engine is temporarily unable to handle the request."));
                    return;
                }
                case PASS -> { }
            }
            Map<String, List<String>> query = Exchanges.parseQuery(exchange.getRequestURI().getRawQuery());
            String correlationId = correlationId(exchange, query);
            exchange.getResponseHeaders().set("Correlation-Id", correlationId);
            ApiRequest request = new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path, query,
                    lowerCaseHeaders(exchange), Exchanges.readBody(exchange),
                    new Call(correlationId, authenticator.principal()));
            ApiResponse response = dispatch(request);
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            Exchanges.send(exchange, response.status(), XML, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(exchange);
        }
    }

    private ApiResponse dispatch(ApiRequest request) {
        try {
            return router.dispatch(request);
        } catch (EngineFault fault) {
            return ApiResponse.of(fault.status(), fault(fault.reason(), fault.detail()));
        } catch (RuntimeException unexpected) {
            LOG.warn("unexpected failure on {} {}", request.method(), request.path(), unexpected);
            return ApiResponse.of(500, fault(EngineFault.OPERATION_FAILED, String.valueOf(unexpected.getMessage())));
        }
    }

    static byte[] fault(String reason, String detail) {
        FaultBuilder fault = new FaultBuilder().reason(reason);
        if (detail != null) {
            fault.detail(detail);
        }
        return Xml.write(writer -> XmlFaultWriter.writeOne(fault.build(), writer));
    }

    /** The engine keeps only [0-9a-zA-Z_-], at most 36 characters, and invents one when absent. */
    private static String correlationId(HttpExchange exchange, Map<String, List<String>> query) {
        String raw = exchange.getRequestHeaders().getFirst("Correlation-Id");
        if (raw == null && query.containsKey("correlation_id")) {
            raw = query.get("correlation_id").get(0);
        }
        String clean = raw == null ? "" : CORRELATION_JUNK.matcher(raw).replaceAll("");
        if (clean.length() > 36) {
            clean = clean.substring(0, 36);
        }
        return clean.isEmpty() ? UUID.randomUUID().toString() : clean;
    }

    private static java.util.Optional<String> header(HttpExchange exchange, String name) {
        return java.util.Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    private static Map<String, String> lowerCaseHeaders(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> {
            if (!v.isEmpty()) {
                headers.put(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        return headers;
    }

    /** Drops the connection without an answer, as a crashed proxy or a network fault would. */
    static void abort(HttpExchange exchange) {
        // Closing an exchange before any header was sent makes the JDK server drop the connection.
        exchange.close();
    }
}
