package io.vdibot.core.slack;

import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.vdibot.adapters.slack.SlackAdapter;
import io.vdibot.adapters.slack.SlackSignatureVerifier;
import io.vdibot.core.VdiBotApplication;
import io.vdibot.core.e2e.BotHarness;
import io.vdibot.core.e2e.EstateNames;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.rhev.simulator.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole bot on its embedded defaults with the Slack adapter in HTTP mode on a random port, and WireMock as the
 * Slack Web API. Tests send what Slack sends — signed, in Slack's formats — to {@code /slack/events}, and read what
 * the bot sent to Slack from WireMock's journal.
 */
final class SlackHarness implements AutoCloseable {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String APPROVERS = "C0APPROVE";
    static final String ONCALL = "C0ONCALL";
    static final String TEAM = "T0001";

    private final SlackWebApi slack;
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI events;
    private final AtomicLong triggers = new AtomicLong(1000);

    private SlackHarness(Map<String, Object> overrides) {
        slack = new SlackWebApi();
        slack.person("U0ALICE", "alice", "Alice Martin", "alice@vdibot.example", "Europe/Paris", "en-US");
        slack.person("U0BOB", "bob", "Bob Johnson", "bob@vdibot.example", "America/New_York", "en-US");
        slack.person("U0CAROL", "carol", "Carol Nguyen", "carol@vdibot.example", "UTC", "en-GB");
        slack.person("U0DAVE", "dave", "Dave Li", "dave@vdibot.example", "Asia/Shanghai", "zh-CN");
        // on call, and a viewer
        slack.person("U0ERIN", "erin", "Erin Walsh", "erin@vdibot.example", "Europe/London", "en-GB");
        slack.person("U0STRANGER", "stranger", "Sam Stranger", "sam@elsewhere.example", "UTC", "en-US");
        // in the demo directory, but in no group: no role, no permission
        slack.person("U0MALLORY", "mallory", "Mallory Evans", "mallory@vdibot.example", "UTC", "en-US");
        // Slack accounts carrying requesters' addresses that Slack itself disqualifies: a guest, and an account whose
        // address is unconfirmed (anyone can type alice's address into a new account)
        slack.person("U0GUEST", "alice-guest", "Alice Guest", "alice@vdibot.example", "Europe/Paris", "en-US");
        slack.flag("U0GUEST", "is_restricted", true);
        slack.person("U0UNCONFIRMED", "bob2", "Bob Again", "bob@vdibot.example", "Asia/Shanghai", "zh-CN");
        slack.flag("U0UNCONFIRMED", "is_email_confirmed", false);
        Path dataDir = BotHarness.newDataDir();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("vdibot.data-dir", dataDir.toString());
        properties.put("vdibot.console.enabled", "false");
        properties.put("vdibot.demo.port", "0");
        properties.put("vdibot.demo.time-scale", "0.01");
        properties.put("vdibot.progress-interval", "200ms");
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("vdibot.slack.bot-token", "xoxb-test-token");
        properties.put("vdibot.slack.signing-secret", SECRET);
        properties.put("vdibot.slack.approvers-channel", APPROVERS);
        properties.put("vdibot.slack.oncall-channel", ONCALL);
        properties.put("vdibot.slack.api-url", slack.apiUrl());
        properties.put("vdibot.slack.update-interval", "100ms");
        properties.put("vdibot.slack.updates-per-minute", "1200");
        // the workspace every payload below comes from, unless a test says otherwise
        properties.put("vdibot.slack.allowed-team-ids", TEAM);
        properties.putAll(overrides);
        context = new SpringApplicationBuilder(VdiBotApplication.class).properties(properties).run();
        String port = context.getEnvironment().getProperty("local.server.port");
        events = URI.create("http://127.0.0.1:" + port + SlackConfiguration.EVENTS_PATH);
    }

    static SlackHarness start(Map<String, Object> overrides) {
        return new SlackHarness(overrides);
    }

    SlackWebApi slack() {
        return slack;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    String triggerId() {
        return triggers.incrementAndGet() + ".98765.a1b2c3";
    }

    // ---- what Slack sends ----

    /** A slash command as Slack posts it: form-encoded, signed. */
    String slashBody(String user, String channel, String text, String triggerId, String responseName) {
        return slashBody(TEAM, user, channel, text, triggerId, responseName);
    }

    /** A slash command made in workspace {@code team}. */
    String slashBody(String team, String user, String channel, String text, String triggerId, String responseName) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", team);
        form.put("team_domain", "vdibot-example");
        form.put("channel_id", channel);
        form.put("channel_name", "dev");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/vdi");
        form.put("text", text);
        form.put("api_app_id", "A0VDIBOT");
        form.put("is_enterprise_install", "false");
        form.put("response_url", slack.responseUrl(responseName));
        form.put("trigger_id", triggerId);
        return formEncode(form);
    }

    HttpResponse<String> slash(String user, String channel, String text, String responseName) {
        return post(slashBody(user, channel, text, triggerId(), responseName), "application/x-www-form-urlencoded",
                Map.of());
    }

    /** Interactivity (clicks, submissions, options) as Slack posts it: {@code payload=<json>}, signed. */
    HttpResponse<String> interact(JsonObject payload) {
        return post("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", Map.of());
    }

    /** An Events API delivery: JSON, signed; {@code retry} above zero adds Slack's retry headers. */
    HttpResponse<String> event(JsonObject envelope, int retry) {
        Map<String, String> headers = retry > 0 ? Map.of("X-Slack-Retry-Num", String.valueOf(retry),
                "X-Slack-Retry-Reason", "http_timeout") : Map.of();
        return post(envelope.toString(), "application/json", headers);
    }

    HttpResponse<String> post(String body, String contentType, Map<String, String> headers) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return send(body, contentType, timestamp, SlackSignatureVerifier.sign(SECRET, timestamp,
                body.getBytes(StandardCharsets.UTF_8)), headers);
    }

    HttpResponse<String> send(String body, String contentType, String timestamp, String signature,
                              Map<String, String> headers) {
        try {
            return http.send(request(body, contentType, timestamp, signature, headers),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<HttpResponse<String>> sendAsync(String body, String contentType) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return http.sendAsync(request(body, contentType, timestamp, SlackSignatureVerifier.sign(SECRET, timestamp,
                body.getBytes(StandardCharsets.UTF_8)), Map.of()), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String body, String contentType, String timestamp, String signature,
                                Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header(SlackSignatureVerifier.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(SlackSignatureVerifier.SIGNATURE_HEADER, signature);
        }
        headers.forEach(request::header);
        return request.build();
    }

    static JsonObject user(String id) {
        JsonObject user = new JsonObject();
        user.addProperty("id", id);
        user.addProperty("username", id.toLowerCase());
        user.addProperty("name", id.toLowerCase());
        user.addProperty("team_id", TEAM);
        return user;
    }

    static JsonObject team() {
        JsonObject team = new JsonObject();
        team.addProperty("id", TEAM);
        team.addProperty("domain", "vdibot-example");
        return team;
    }

    /** A click on a button of a message, as Slack describes it (with the message's blocks). */
    JsonObject click(String user, String channel, String messageTs, JsonArray messageBlocks, String actionId,
                     String value, String responseName) {
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", messageTs);
        container.addProperty("channel_id", channel);
        container.addProperty("is_ephemeral", false);
        JsonObject channelObject = new JsonObject();
        channelObject.addProperty("id", channel);
        channelObject.addProperty("name", "approvers");
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("ts", messageTs);
        message.addProperty("text", "card");
        message.add("blocks", messageBlocks);
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "b1");
        action.addProperty("value", value);
        action.addProperty("type", "button");
        action.addProperty("action_ts", Instant.now().getEpochSecond() + ".000001");
        JsonArray actions = new JsonArray();
        actions.add(action);
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        payload.add("user", user(user));
        payload.addProperty("api_app_id", "A0VDIBOT");
        payload.addProperty("token", "legacy-verification-token");
        payload.add("container", container);
        payload.addProperty("trigger_id", triggerId());
        payload.add("team", team());
        payload.add("channel", channelObject);
        payload.add("message", message);
        payload.addProperty("response_url", slack.responseUrl(responseName));
        payload.add("actions", actions);
        return payload;
    }

    /** A modal submission: the view as the bot defined it, with the values the user entered. */
    static JsonObject submission(String user, String viewId, String callbackId, String privateMetadata,
                                 JsonObject values) {
        JsonObject state = new JsonObject();
        state.add("values", values);
        JsonObject view = new JsonObject();
        view.addProperty("id", viewId);
        view.addProperty("team_id", TEAM);
        view.addProperty("type", "modal");
        view.addProperty("callback_id", callbackId);
        view.addProperty("private_metadata", privateMetadata);
        view.add("state", state);
        view.addProperty("hash", "h-" + viewId);
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "view_submission");
        payload.add("team", team());
        payload.add("user", user(user));
        payload.addProperty("api_app_id", "A0VDIBOT");
        payload.addProperty("token", "legacy-verification-token");
        payload.addProperty("trigger_id", "tr-" + viewId);
        payload.add("view", view);
        return payload;
    }

    static JsonObject textValue(String type, String value) {
        JsonObject v = new JsonObject();
        v.addProperty("type", type);
        v.addProperty("value", value);
        return v;
    }

    static JsonObject selected(String value) {
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", value);
        JsonObject option = new JsonObject();
        option.add("text", text);
        option.addProperty("value", value);
        JsonObject v = new JsonObject();
        v.addProperty("type", "external_select");
        v.add("selected_option", option);
        return v;
    }

    /** {@code {field: {field: value}}}, as Slack nests input values by block id and action id. */
    static JsonObject values(Map<String, JsonObject> byField) {
        JsonObject values = new JsonObject();
        byField.forEach((field, value) -> {
            JsonObject block = new JsonObject();
            block.add(field, value);
            values.add(field, block);
        });
        return values;
    }

    static JsonObject eventEnvelope(String eventId, JsonObject event) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("token", "legacy-verification-token");
        envelope.addProperty("team_id", TEAM);
        envelope.addProperty("api_app_id", "A0VDIBOT");
        envelope.add("event", event);
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", eventId);
        envelope.addProperty("event_time", Instant.now().getEpochSecond());
        return envelope;
    }

    static String formEncode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    // ---- what the bot stored and what the engines hold ----

    /** The task whose request names {@code name}, once stored; a second one for the name is a failure. */
    String awaitTask(String name, Duration timeout) {
        return awaitTask(name, 1, timeout);
    }

    /** The {@code nth} task whose request names {@code name} (1 for the first), once stored; more is a failure. */
    String awaitTask(String name, int nth, Duration timeout) {
        JdbcClient jdbc = JdbcClient.create(bean(DataSource.class));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> ids = jdbc.sql("SELECT id FROM task WHERE JSON_VALUE(request_json, '$.name') = :name"
                    + " ORDER BY id").param("name", name).query(Long.class).list();
            if (ids.size() > nth) {
                fail("more than " + nth + " task(s) for " + name + ": " + ids);
            }
            if (ids.size() == nth) {
                return "T" + ids.get(nth - 1);
            }
            SlackWebApi.sleep(50);
        }
        fail("no task " + nth + " for " + name + " within " + timeout);
        return null;
    }

    long tasksNamed(String name) {
        return JdbcClient.create(bean(DataSource.class))
                .sql("SELECT COUNT(*) FROM task WHERE JSON_VALUE(request_json, '$.name') = :name")
                .param("name", name).query(Long.class).single();
    }

    long taskCount() {
        return JdbcClient.create(bean(DataSource.class)).sql("SELECT COUNT(*) FROM task").query(Long.class).single();
    }

    TaskRecord task(String code) {
        return bean(TaskRepository.class).findByCode(code)
                .orElseThrow(() -> new AssertionError("no task " + code));
    }

    long vmsNamed(String site, String name) {
        var engine = bean(Simulator.class).site(site).engine();
        return engine.read(() -> engine.estate().vms.values().stream().filter(vm -> name.equals(vm.name)).count());
    }

    /** The names of the simulated estate, none of which may reach someone who may not see them. */
    List<String> estateNames() {
        return EstateNames.of(bean(Simulator.class));
    }

    boolean idle(Duration timeout) throws InterruptedException {
        return bean(SlackAdapter.class).awaitIdle(timeout);
    }

    @Override
    public void close() {
        context.close();
        slack.close();
    }
}
