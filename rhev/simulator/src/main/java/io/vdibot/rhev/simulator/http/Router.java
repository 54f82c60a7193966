package io.vdibot.rhev.simulator.http;

import io.vdibot.rhev.simulator.engine.EngineFault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Maps API paths such as {@code vms/{id}/start} to handlers. Literal segments win over
 * placeholders, so {@code storagedomains/{id}/templates} is never mistaken for an id. Counts the
 * requests it dispatches by route ({@code GET vms}, {@code POST vms/{id}/start}), so a benchmark can
 * tell how many engine calls a client made and of which kind.
 */
public final class Router {

    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request, Map<String, String> pathParams);
    }

    private record Route(String method, String[] segments, Handler handler) {
        int literalCount() {
            int n = 0;
            for (String s : segments) {
                if (!s.startsWith("{")) {
                    n++;
                }
            }
            return n;
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public Router get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    public Router post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    public Router put(String pattern, Handler handler) {
        return add("PUT", pattern, handler);
    }

    public Router delete(String pattern, Handler handler) {
        return add("DELETE", pattern, handler);
    }

    private Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), handler));
        routes.sort((a, b) -> Integer.compare(b.literalCount(), a.literalCount()));
        return this;
    }

    public ApiResponse dispatch(ApiRequest request) {
        String[] segments = split(request.path());
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = match(route.segments(), segments);
            if (params == null) {
                continue;
            }
            allowed.add(route.method());
            if (route.method().equals(request.method())) {
                counts.computeIfAbsent(request.method() + " " + String.join("/", route.segments()),
                        k -> new LongAdder()).increment();
                return route.handler().handle(request, params);
            }
        }
        if (!allowed.isEmpty()) {
            // RFC 9110: a 405 names the methods the resource does support
            return ApiResponse.of(405, ApiEndpoint.fault("Method Not Allowed", null))
                    .withHeader("Allow", String.join(", ", allowed));
        }
        throw EngineFault.notFound();
    }

    /** Requests dispatched to a route so far, by method and route pattern, in pattern order. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((route, count) -> out.put(route, count.sum()));
        return out;
    }

    /** Requests dispatched to a route so far, of every kind. */
    public long requestCount() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{")) {
                params.put(pattern[i].substring(1, pattern[i].length() - 1), path[i]);
            } else if (!pattern[i].equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
