package io.vdibot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.vdibot.commands.AllCommands;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.view.InventoryKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack says which workspace a request comes from and who the user is; the adapter acts only for members of the
 * workspaces it serves, and tells everyone else why in one line. Payloads in Slack's formats go through
 * {@code app.run()}; WireMock plays the Web API and the response URLs.
 */
class SlackAccessPayloadsTest {

    private static final String OURS = "T0001";
    private static final String ELSEWHERE = "T0EVIL";

    private WireMockServer api;
    private SlackAdapter adapter;
    private SlackRequestParser parser;
    private final List<Envelope> submitted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
        person("U0ALICE", "alice@vdibot.example", "en-US", "");
        person("U0GUEST", "carol@vdibot.example", "en-US", ",\"is_restricted\":true");
        person("U0WEI", "dave@vdibot.example", "zh-CN", ",\"is_email_confirmed\":false");
        person("U0GONE", "erin@vdibot.example", "en-US", ",\"deleted\":true");
        stub("views.open", "{\"ok\":true,\"view\":{\"id\":\"V1\",\"hash\":\"h1\"}}");
        stub("views.update", "{\"ok\":true,\"view\":{\"id\":\"V1\",\"hash\":\"h2\"}}");
        stub("views.publish", "{\"ok\":true,\"view\":{\"id\":\"V2\",\"hash\":\"h3\"}}");
        api.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withBody("ok")));
        adapter = adapter(SlackAccess.onlyTeams(List.of(OURS, "E0ORG")));
    }

    private SlackAdapter adapter(SlackAccess access) {
        SlackSettings settings = SlackSettings.of(SlackSettings.Mode.HTTP, "xoxb-bot", "secret", null, "C0APPROVE",
                null).withApiUrl("http://127.0.0.1:" + api.port() + "/api/").withAccess(access);
        SlackAdapter created = SlackAdapter.create(settings, submitted::add, AllCommands.registry(), new Inventory(),
                new InMemorySlackThreadStore(), Clock.systemUTC());
        parser = new SlackRequestParser(created.app().config());
        return created;
    }

    @AfterEach
    void stop() {
        adapter.close();
        api.stop();
    }

    // ---- workspaces ----

    @Test
    void aSlashCommandFromAnotherWorkspaceIsAnsweredInOneLineAndNothingRuns() throws Exception {
        Response ack = run(slash("U0ALICE", ELSEWHERE, null, "vm create evil-01 template=rhel9", "r1"));

        assertThat(ack.getStatusCode()).isEqualTo(200);
        JsonObject body = JsonParser.parseString(ack.getBody()).getAsJsonObject();
        assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(body.get("text").getAsString())
                .isEqualTo("Sorry, this bot serves only its own Slack workspace; requests from this one are not "
                        + "accepted.");
        idle();
        assertThat(submitted).isEmpty();
        assertThat(calls("/api/users.info")).as("nobody is even looked up").isEmpty();
    }

    @Test
    void aWorkspaceOfANamedOrganisationIsServed() throws Exception {
        run(slash("U0ALICE", "T0OTHER", "E0ORG", "sites", "r2"));
        idle();
        assertThat(submitted).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("sites"));
    }

    @Test
    void clicksSubmissionsAndPickersFromAnotherWorkspaceRunNothing() throws Exception {
        Response click = run(interactive("{\"type\":\"block_actions\",\"team\":{\"id\":\"" + ELSEWHERE + "\"},"
                + "\"user\":{\"id\":\"U0ALICE\",\"team_id\":\"" + ELSEWHERE + "\"},\"trigger_id\":\"t1\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"100.1\",\"channel_id\":\"C0APPROVE\"},"
                + "\"channel\":{\"id\":\"C0APPROVE\"},\"response_url\":\"" + responseUrl("click") + "\","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"approve\",\"block_id\":\"b\","
                + "\"value\":\"T1042\"}]}"));
        assertThat(click.getStatusCode()).isEqualTo(200);
        assertThat(click.getBody()).isNullOrEmpty();

        Response options = run(interactive(suggestion("U0ALICE", ELSEWHERE)));
        assertThat(options.getStatusCode()).isEqualTo(200);
        assertThat(JsonParser.parseString(options.getBody()).getAsJsonObject().getAsJsonArray("options"))
                .as("no inventory names leave for another workspace").isEmpty();

        Response submission = run(interactive("{\"type\":\"view_submission\",\"team\":{\"id\":\"" + ELSEWHERE
                + "\"},\"user\":{\"id\":\"U0ALICE\"},\"view\":{\"id\":\"V9\",\"type\":\"modal\",\"callback_id\":"
                + "\"vdi_form\",\"private_metadata\":" + quoted(context()) + ",\"state\":{\"values\":{"
                + "\"name\":{\"name\":{\"type\":\"plain_text_input\",\"value\":\"evil-02\"}}}}}}"));
        assertThat(submission.getStatusCode()).isEqualTo(200);

        idle();
        assertThat(submitted).isEmpty();
        assertThat(calls("/api/users.info")).isEmpty();
        assertThat(calls("/response/click")).isEmpty();
    }

    @Test
    void eventsFromAnotherWorkspaceAreAckedAndIgnored() throws Exception {
        Response mention = run(event(ELSEWHERE, "{\"type\":\"app_mention\",\"user\":\"U0ALICE\","
                + "\"text\":\"<@U0BOT> vdi sites\",\"ts\":\"1.1\",\"channel\":\"C0DEV\",\"event_ts\":\"1.1\"}"),
                "application/json");
        Response home = run(event(ELSEWHERE, "{\"type\":\"app_home_opened\",\"user\":\"U0ALICE\","
                + "\"channel\":\"D0ALICE\",\"tab\":\"home\",\"event_ts\":\"1.2\"}"), "application/json");

        assertThat(mention.getStatusCode()).isEqualTo(200);
        assertThat(home.getStatusCode()).isEqualTo(200);
        idle();
        assertThat(submitted).isEmpty();
        assertThat(calls("/api/users.info")).isEmpty();
        assertThat(calls("/api/views.publish")).isEmpty();
    }

    // ---- people ----

    @Test
    void aGuestIsToldWhyInOneLineAndNothingIsHandedOver() throws Exception {
        Response ack = run(slash("U0GUEST", OURS, null, "vm create guest-01 template=rhel9", "guest"));
        assertThat(ack.getBody()).contains("Got it");
        idle();

        assertThat(submitted).isEmpty();
        assertThat(told("guest")).isEqualTo("Sorry, guest accounts cannot use this bot.");
    }

    @Test
    void anUnconfirmedAddressIsRefusedInTheUsersLanguage() throws Exception {
        run(slash("U0WEI", OURS, null, "sites", "wei"));
        idle();

        assertThat(submitted).isEmpty();
        assertThat(told("wei")).startsWith("抱歉，您在 Slack 中的电子邮件地址尚未确认");
    }

    @Test
    void aFormForAGuestShowsTheRefusalInsteadOfTheInventory() throws Exception {
        run(slash("U0GUEST", OURS, null, "pool create", "guest-form"));
        idle();

        LoggedRequest update = calls("/api/views.update").get(0);
        String view = form(update.getBodyAsString()).get("view");
        assertThat(view).contains("guest accounts cannot use this bot").doesNotContain("external_select");
        assertThat(submitted).isEmpty();
    }

    @Test
    void aGuestGetsNoPickerOptions() throws Exception {
        Response options = run(interactive(suggestion("U0GUEST", OURS)));
        assertThat(JsonParser.parseString(options.getBody()).getAsJsonObject().getAsJsonArray("options")).isEmpty();

        Response member = run(interactive(suggestion("U0ALICE", OURS)));
        assertThat(member.getBody()).contains("rhel9-desktop");
    }

    @Test
    void theHomeTabOfADeactivatedAccountIsNotDrawn() throws Exception {
        run(event(OURS, "{\"type\":\"app_home_opened\",\"user\":\"U0GONE\",\"channel\":\"D0GONE\","
                + "\"tab\":\"home\",\"event_ts\":\"2.1\"}"), "application/json");
        idle();

        assertThat(calls("/api/users.info")).hasSize(1);
        assertThat(calls("/api/views.publish")).isEmpty();
        assertThat(submitted).isEmpty();
    }

    @Test
    void theSettingsCanAdmitAGuestAndTheLookupIsCachedAsBefore() throws Exception {
        adapter.close();
        adapter = adapter(SlackAccess.onlyTeams(List.of(OURS)).admitting(true, false, false));

        run(slash("U0GUEST", OURS, null, "sites", "g1"));
        idle();
        run(slash("U0GUEST", OURS, null, "tasks", "g2"));
        idle();

        assertThat(submitted).extracting(Envelope::text).containsExactlyInAnyOrder("sites", "tasks");
        assertThat(calls("/api/users.info")).as("users.info once, then the cache").hasSize(1);
    }

    // ---- Slack's formats ----

    private String slash(String user, String team, String enterprise, String text, String response) {
        String body = "command=%2Fvdi&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&user_id=" + user
                + "&channel_id=C0DEV&trigger_id=" + response + "-trigger&team_id=" + team
                + "&response_url=" + URLEncoder.encode(responseUrl(response), StandardCharsets.UTF_8);
        return enterprise == null ? body : body + "&enterprise_id=" + enterprise;
    }

    private static String event(String team, String event) {
        return "{\"token\":\"legacy\",\"team_id\":\"" + team + "\",\"api_app_id\":\"A0VDIBOT\",\"event\":" + event
                + ",\"type\":\"event_callback\",\"event_id\":\"Ev" + Math.abs(event.hashCode())
                + "\",\"event_time\":1700000000}";
    }

    private static String context() {
        return new FormModals.FormContext("pool.create", "C0DEV", null, "U0ALICE", "UTC", "en").json();
    }

    private static String suggestion(String user, String team) {
        return "{\"type\":\"block_suggestion\",\"team\":{\"id\":\"" + team + "\"},\"user\":{\"id\":\"" + user
                + "\"},\"action_id\":\"template\",\"block_id\":\"template\",\"value\":\"rhel\",\"view\":{\"id\":"
                + "\"V3\",\"private_metadata\":" + quoted(context()) + "}}";
    }

    private String responseUrl(String name) {
        return "http://127.0.0.1:" + api.port() + "/response/" + name;
    }

    /** The one text posted to a response URL. */
    private String told(String name) {
        List<LoggedRequest> posts = calls("/response/" + name);
        assertThat(posts).hasSize(1);
        return JsonParser.parseString(posts.get(0).getBodyAsString()).getAsJsonObject().get("text").getAsString();
    }

    private Response run(String body) throws Exception {
        return run(body, "application/x-www-form-urlencoded");
    }

    private Response run(String body, String contentType) throws Exception {
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder().requestUri("/slack/events")
                .headers(new RequestHeaders(Map.of("Content-Type", List.of(contentType))))
                .requestBody(body).build());
        return adapter.app().run(request);
    }

    private void idle() throws InterruptedException {
        assertThat(adapter.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private List<LoggedRequest> calls(String path) {
        return api.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String interactive(String payload) {
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        JsonObject holder = new JsonObject();
        holder.addProperty("v", text);
        String json = holder.toString();
        return json.substring(json.indexOf(':') + 1, json.length() - 1);
    }

    private void person(String id, String email, String locale, String extra) {
        api.stubFor(post(urlPathEqualTo("/api/users.info")).withRequestBody(containing("user=" + id))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"team_id\":\"" + OURS + "\",\"name\":\""
                                + id.toLowerCase() + "\",\"real_name\":\"" + id + "\",\"tz\":\"Europe/Paris\","
                                + "\"locale\":\"" + locale + "\",\"is_bot\":false,\"profile\":{"
                                + "\"email\":\"" + email + "\",\"display_name\":\"" + id.toLowerCase() + "\"}"
                                + extra + "}}")));
    }

    private void stub(String method, String body) {
        api.stubFor(post(urlPathEqualTo("/api/" + method)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static final class Inventory implements InventoryLookup {
        @Override
        public List<String> sites() {
            return List.of("dc1");
        }

        @Override
        public List<String> names(String site, InventoryKind kind, String prefix, int limit) {
            return List.of("rhel9-desktop", "win11").stream().filter(n -> n.startsWith(prefix)).toList();
        }
    }
}
