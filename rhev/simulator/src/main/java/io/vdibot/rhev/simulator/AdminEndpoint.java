package io.vdibot.rhev.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code /simulator/admin/…}, outside the engine's API path: lists sites and sets or clears each
 * site's injected faults. Every site's listener serves it, so a site marked down can be brought back
 * through another one (or through its own: "down" only affects the API and SSO paths).
 */
final class AdminEndpoint implements HttpHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Simulator simulator;

    AdminEndpoint(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().replaceAll("^/simulator/admin/?|/$", "").split("/");
        String method = exchange.getRequestMethod();
        try {
            if (path.length == 1 && path[0].equals("sites") && method.equals("GET")) {
                List<Map<String, Object>> sites = new ArrayList<>();
                for (SimulatedSite site : simulator.sites()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", site.name());
                    entry.put("apiUrl", site.apiUrl());
                    entry.put("faults", site.faults().settings());
                    sites.add(entry);
                }
                reply(exchange, 200, sites);
            } else if (path.length == 3 && path[0].equals("sites") && path[2].equals("faults")) {
                FaultPlan faults = simulator.site(path[1]).faults();
                switch (method) {
                    case "GET" -> reply(exchange, 200, faults.settings());
                    case "PUT", "POST" -> {
                        try (InputStream in = exchange.getRequestBody()) {
                            faults.apply(MAPPER.readValue(in.readNBytes(64 * 1024), FaultPlan.Settings.class));
                        }
                        reply(exchange, 200, faults.settings());
                    }
                    case "DELETE" -> {
                        faults.clear();
                        reply(exchange, 200, faults.settings());
                    }
                    default -> reply(exchange, 405, Map.of("error", "method not allowed"));
                }
            } else {
                reply(exchange, 404, Map.of("error", "no such admin resource"));
            }
        } catch (NoSuchElementException e) {
            reply(exchange, 404, Map.of("error", e.getMessage()));
        } catch (IllegalArgumentException | IOException e) {
            reply(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
        exchange.close();
    }
}
