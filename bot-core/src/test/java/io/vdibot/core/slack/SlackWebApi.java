package io.vdibot.core.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The Slack Web API, played by WireMock: every method the bot calls answers as Slack does (a fresh {@code ts} per
 * message, view ids and hashes, upload URLs that point back here, {@code users.info} from a table of people), and
 * every call is recorded so tests can assert on the exact methods and form parameters. Tests may put stubs of higher
 * priority in front (a 429, an error code).
 */
final class SlackWebApi implements AutoCloseable {

    static final String TRANSFORMER = "slack-web-api";

    private final WireMockServer server;
    private final Map<String, JsonObject> people = new ConcurrentHashMap<>();

    SlackWebApi() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(64)
                .extensions(new Answers(people)));
        server.start();
        server.stubFor(any(urlPathMatching("/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withTransformers(TRANSFORMER)));
    }

    WireMockServer server() {
        return server;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/";
    }

    String responseUrl(String name) {
        return "http://127.0.0.1:" + server.port() + "/response/" + name;
    }

    /** A Slack user {@code users.info} knows. */
    void person(String userId, String name, String realName, String email, String tz, String locale) {
        JsonObject profile = new JsonObject();
        profile.addProperty("email", email);
        profile.addProperty("display_name", name);
        profile.addProperty("real_name", realName);
        JsonObject user = new JsonObject();
        user.addProperty("id", userId);
        user.addProperty("name", name);
        user.addProperty("real_name", realName);
        user.addProperty("tz", tz);
        user.addProperty("locale", locale);
        user.addProperty("is_bot", false);
        user.addProperty("deleted", false);
        user.add("profile", profile);
        people.put(userId, user);
    }

    /** Sets one of a known user's flags as {@code users.info} reports them, e.g. {@code is_restricted}. */
    void flag(String userId, String field, boolean value) {
        people.get(userId).addProperty(field, value);
    }

    /** Calls of a Web API method, oldest first, each as its form parameters. */
    List<Call> calls(String method) {
        List<Call> calls = new ArrayList<>();
        for (LoggedRequest request : server.findAll(anyRequestedFor(urlPathMatching("/api/" + method.replace(".",
                "\\.")))).stream().sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList()) {
            calls.add(new Call(method, form(request.getBodyAsString()), request.getLoggedDate().toInstant()));
        }
        return calls;
    }

    /** The bytes sent to the upload URL of file {@code fileId}, the second of the upload's three steps. */
    byte[] uploaded(String fileId) {
        return server.findAll(anyRequestedFor(urlPathMatching("/upload/" + fileId))).stream()
                .map(LoggedRequest::getBody).findFirst()
                .orElseThrow(() -> new AssertionError("nothing uploaded for " + fileId));
    }

    /** The {@code ts} this stand-in answered a {@code chat.postMessage} call with (it answers each call its own). */
    String postedTs(Call post) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/chat.postMessage")
                        && form(e.getRequest().getBodyAsString()).equals(post.params()))
                .map(e -> JsonParser.parseString(e.getResponse().getBodyAsString()).getAsJsonObject())
                .map(json -> json.get("ts").getAsString()).findFirst()
                .orElseThrow(() -> new AssertionError("no answer recorded for " + post));
    }

    /** Posts sent through response URLs, as their JSON bodies. */
    List<JsonObject> responses(String name) {
        return server.findAll(anyRequestedFor(urlPathMatching("/response/" + name))).stream()
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
                .map(r -> JsonParser.parseString(r.getBodyAsString()).getAsJsonObject()).toList();
    }

    /**
     * Every request the bot made here (Web API calls and posts to response URLs) whose address or body names one of
     * {@code markers} (a user id, a trigger id, a response URL's name), each as its address and body, form bodies
     * decoded.
     */
    List<String> requestsAbout(String... markers) {
        List<String> found = new ArrayList<>();
        for (LoggedRequest request : server.findAll(anyRequestedFor(urlPathMatching("/.*")))) {
            String type = request.getHeader("Content-Type");
            // form bodies decoded; JSON as it is; uploaded files are bytes that name nobody
            String body = type == null ? "" : type.startsWith("application/x-www-form-urlencoded")
                    ? String.join("&", form(request.getBodyAsString()).entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).toList())
                    : type.startsWith("application/json") ? request.getBodyAsString() : "";
            String text = request.getUrl() + " " + body;
            for (String marker : markers) {
                if (text.contains(marker)) {
                    found.add(text);
                    break;
                }
            }
        }
        return found;
    }

    Call await(String method, Predicate<Call> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Call call : calls(method)) {
                if (test.test(call)) {
                    return call;
                }
            }
            sleep(50);
        }
        throw new AssertionError("no " + method + " call as expected within " + timeout + "; calls: " + calls(method));
    }

    JsonObject awaitResponse(String name, Predicate<JsonObject> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonObject response : responses(name)) {
                if (test.test(response)) {
                    return response;
                }
            }
            sleep(50);
        }
        throw new AssertionError("no response on " + name + " within " + timeout + "; got: " + responses(name));
    }

    void reset() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    /** One recorded Web API call. */
    record Call(String method, Map<String, String> params, Instant at) {

        String param(String name) {
            return params.get(name);
        }

        JsonArray blocks() {
            String blocks = params.get("blocks");
            return blocks == null ? new JsonArray() : JsonParser.parseString(blocks).getAsJsonArray();
        }

        JsonObject view() {
            return JsonParser.parseString(params.get("view")).getAsJsonObject();
        }

        /** All the text of the call: its fallback text and its blocks. */
        String allText() {
            // parsed and printed again, so Gson's HTML-safe escapes (\u003c for <) read as the characters
            return params.getOrDefault("text", "") + "\n" + blocks() + "\n"
                    + (params.containsKey("view") ? view().toString() : "");
        }

        @Override
        public String toString() {
            return method + params;
        }
    }

    /** Answers like Slack. */
    private static final class Answers implements ResponseDefinitionTransformerV2 {

        private final Map<String, JsonObject> people;
        private final AtomicLong counter = new AtomicLong(100);

        Answers(Map<String, JsonObject> people) {
            this.people = people;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String path = request.getUrl().replaceAll("\\?.*", "");
            String base = request.getAbsoluteUrl().replaceAll("^(https?://[^/]+).*", "$1");
            if (path.startsWith("/response/")) {
                return text("ok");
            }
            if (path.startsWith("/upload/")) {
                return text("OK - " + request.getBody().length);
            }
            Map<String, String> form = form(request.getBodyAsString());
            long n = counter.incrementAndGet();
            JsonObject json = new JsonObject();
            json.addProperty("ok", true);
            switch (path.substring("/api/".length())) {
                case "chat.postMessage", "chat.update" -> {
                    json.addProperty("channel", form.get("channel"));
                    json.addProperty("ts", form.containsKey("ts") ? form.get("ts") : "1700000000." + pad(n));
                }
                case "chat.postEphemeral" -> json.addProperty("message_ts", "1700000000." + pad(n));
                case "views.open", "views.update", "views.publish" -> {
                    JsonObject view = new JsonObject();
                    view.addProperty("id", form.containsKey("view_id") ? form.get("view_id") : "V" + n);
                    view.addProperty("hash", "h" + n);
                    json.add("view", view);
                }
                case "users.info" -> {
                    JsonObject user = people.get(form.get("user"));
                    if (user == null) {
                        json.addProperty("ok", false);
                        json.addProperty("error", "user_not_found");
                    } else {
                        json.add("user", user);
                    }
                }
                case "conversations.open" -> {
                    JsonObject channel = new JsonObject();
                    channel.addProperty("id", "D" + form.getOrDefault("users", "X"));
                    json.add("channel", channel);
                }
                case "files.getUploadURLExternal" -> {
                    json.addProperty("upload_url", base + "/upload/F" + n);
                    json.addProperty("file_id", "F" + n);
                }
                case "files.completeUploadExternal" -> {
                    JsonArray files = new JsonArray();
                    JsonArray requested = JsonParser.parseString(form.getOrDefault("files", "[]")).getAsJsonArray();
                    requested.forEach(f -> {
                        JsonObject file = new JsonObject();
                        file.addProperty("id", f.getAsJsonObject().get("id").getAsString());
                        files.add(file);
                    });
                    json.add("files", files);
                }
                case "auth.test" -> {
                    json.addProperty("user_id", "UBOT");
                    json.addProperty("team_id", "T0001");
                }
                default -> {
                }
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8").withBody(json.toString()).build();
        }

        private static ResponseDefinition text(String body) {
            return new ResponseDefinition(200, body);
        }

        private static String pad(long n) {
            return String.format("%06d", n);
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }
}
