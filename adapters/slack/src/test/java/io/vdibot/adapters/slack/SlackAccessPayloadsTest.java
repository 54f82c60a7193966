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
import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.view.InventoryKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack says which workspace a request comes from and who the user is; the adapter acts only for members of the
 * workspaces it serves, and tells everyone else why in one line. Forms, pickers and App Home show inventory only to
 * someone the core knows and lets use the command ({@link AccessCheck}, scripted here as the demo directory would
 * answer). Payloads in Slack's formats go through {@code app.run()}; WireMock plays the Web API and the response URLs.
 */
class SlackAccessPayloadsTest {

    private static final String OURS = "T0001";
    private static final String ELSEWHERE = "T0EVIL";

    private WireMockServer api;
    private SlackAdapter adapter;
    private SlackRequestParser parser;
    private final List<Envelope> submitted = new CopyOnWriteArrayList<>();
    /** The core's answer; a test may make the directory unreachable. */
    private volatile AccessCheck core = SlackAccessPayloadsTest::demoDirectory;

    @BeforeEach
    void start() {
        api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
        person("U0ALICE", "alice@vdibot.example", "en-US", "");
        person("U0GUEST", "carol@vdibot.example", "en-US", ",\"is_restricted\":true");
        person("U0WEI", "dave@vdibot.example", "zh-CN", ",\"is_email_confirmed\":false");
        person("U0GONE", "erin@vdibot.example", "en-US", ",\"deleted\":true");
        person("U0DAVE", "dave@vdibot.example", "en-US", "");
        person("U0MALLORY", "mallory@vdibot.example", "en-US", "");
        person("U0SAM", "sam@elsewhere.example", "en-US", "");
        stub("views.open", "{\"ok\":true,\"view\":{\"id\":\"V1\",\"hash\":\"h1\"}}");
        stub("views.update", "{\"ok\":true,\"view\":{\"id\":\"V1\",\"hash\":\"h2\"}}");
        stub("views.publish", "{\"ok\":true,\"view\":{\"id\":\"V2\",\"hash\":\"h3\"}}");
        stub("chat.postEphemeral", "{\"ok\":true,\"message_ts\":\"5.5\"}");
        stub("chat.postMessage", "{\"ok\":true,\"channel\":\"C0DEV\",\"ts\":\"6.6\"}");
        api.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withBody("ok")));
        adapter = adapter(SlackAccess.onlyTeams(List.of(OURS, "E0ORG")));
    }

    private SlackAdapter adapter(SlackAccess access) {
        SlackSettings settings = SlackSettings.of(SlackSettings.Mode.HTTP, "xoxb-bot", "secret", null, "C0APPROVE",
                null).withApiUrl("http://127.0.0.1:" + api.port() + "/api/").withAccess(access);
        SlackAdapter created = SlackAdapter.create(settings, submitted::add, AllCommands.registry(), new Inventory(),
                (identity, commandId) -> core.verdict(identity, commandId), new InMemorySlackThreadStore(),
                Clock.systemUTC());
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
    void aFormForAGuestIsRefusedInOneLineAndNoModalOpens() throws Exception {
        run(slash("U0GUEST", OURS, null, "pool create", "guest-form"));
        idle();

        assertThat(told("guest-form")).isEqualTo("Sorry, guest accounts cannot use this bot.");
        assertThat(calls("/api/views.open")).isEmpty();
        assertThat(calls("/api/views.update")).isEmpty();
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

    // ---- the directory: nothing before identity ----

    @Test
    void someoneUnknownToTheDirectoryGetsNoFormOnlyTheCoresLine() throws Exception {
        Response ack = run(slash("U0SAM", OURS, null, "vm create", "sam-form"));
        assertThat(ack.getStatusCode()).isEqualTo(200);
        idle();

        assertThat(told("sam-form")).isEqualTo("Sorry, I cannot find your account in the directory, so I cannot act"
                + " for you. Please ask an administrator to link your chat account.");
        assertThat(calls("/api/views.open")).as("no modal, not even a loading one").isEmpty();
        assertThat(calls("/api/views.update")).isEmpty();
        assertThat(submitted).isEmpty();
    }

    @Test
    void someoneWithoutTheCommandsPermissionGetsNoFormOnlyTheCoresLine() throws Exception {
        run(slash("U0MALLORY", OURS, null, "vm create", "mallory-form"));
        run(slash("U0DAVE", OURS, null, "pool create", "dave-form"));
        idle();

        assertThat(told("mallory-form")).isEqualTo("Sorry, you are not allowed to do that.");
        assertThat(told("dave-form")).as("a viewer may look, not ask for a pool")
                .isEqualTo("Sorry, you are not allowed to do that.");
        assertThat(calls("/api/views.open")).isEmpty();
        assertThat(submitted).isEmpty();

        run(slash("U0DAVE", OURS, null, "sites", "dave-sites"));
        idle();
        assertThat(submitted).as("what a viewer types still reaches the core").singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("sites"));
    }

    @Test
    void theOpenTheFormButtonOpensNothingForSomeoneWithoutThePermission() throws Exception {
        run(interactive("{\"type\":\"block_actions\",\"team\":{\"id\":\"" + OURS + "\"},"
                + "\"user\":{\"id\":\"U0MALLORY\"},\"trigger_id\":\"t-open\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"7.1\",\"channel_id\":\"C0DEV\","
                + "\"thread_ts\":\"7.0\"},\"channel\":{\"id\":\"C0DEV\"},\"response_url\":\""
                + responseUrl("open") + "\",\"actions\":[{\"type\":\"button\",\"action_id\":\"open_form\","
                + "\"block_id\":\"b\",\"value\":\"vm.create\"}]}"));
        idle();

        assertThat(calls("/api/views.open")).isEmpty();
        assertThat(told("open")).isEqualTo("Sorry, you are not allowed to do that.");
    }

    @Test
    void aFormAskedForInAThreadOffersNoButtonToSomeoneUnknown() throws Exception {
        run(event(OURS, "{\"type\":\"app_mention\",\"user\":\"U0SAM\",\"text\":\"<@U0BOT> vdi vm create\","
                + "\"ts\":\"8.1\",\"thread_ts\":\"8.0\",\"channel\":\"C0DEV\",\"event_ts\":\"8.1\"}"),
                "application/json");
        idle();

        assertThat(calls("/api/chat.postMessage")).as("no Open the form button").isEmpty();
        assertThat(calls("/api/chat.postEphemeral")).singleElement().satisfies(r -> assertThat(
                form(r.getBodyAsString())).containsEntry("user", "U0SAM").containsEntry("thread_ts", "8.0")
                .hasEntrySatisfying("text", t -> assertThat(t).contains("cannot find your account")));
        assertThat(submitted).isEmpty();
    }

    @Test
    void pickersListNothingForTheUnknownTheUnentitledOrWhileTheDirectoryIsDown() throws Exception {
        for (String user : List.of("U0SAM", "U0MALLORY", "U0DAVE")) {
            Response options = run(interactive(suggestion(user, OURS)));
            assertThat(options.getStatusCode()).isEqualTo(200);
            assertThat(JsonParser.parseString(options.getBody())).as(user)
                    .isEqualTo(JsonParser.parseString("{\"options\":[]}"));
        }
        assertThat(run(interactive(suggestion("U0ALICE", OURS))).getBody()).contains("rhel9-desktop");

        core = (identity, commandId) -> AccessCheck.Verdict.UNAVAILABLE;
        assertThat(JsonParser.parseString(run(interactive(suggestion("U0ALICE", OURS))).getBody()))
                .isEqualTo(JsonParser.parseString("{\"options\":[]}"));
        run(slash("U0ALICE", OURS, null, "pool create", "down"));
        idle();
        assertThat(told("down")).startsWith("I cannot reach the directory right now");
        assertThat(calls("/api/views.open")).isEmpty();
    }

    @Test
    void theHomeTabOfSomeoneUnknownIsOneLineAndAsksTheCoreNothing() throws Exception {
        run(home("U0SAM", "3.1"), "application/json");
        idle();

        String view = published("U0SAM");
        assertThat(view).contains("cannot find your account in the directory", "ask an administrator")
                .doesNotContain("Estate", "Your tasks", "Waiting for approval", "Loading");
        assertThat(submitted).isEmpty();
    }

    @Test
    void theHomeTabOfSomeoneWithNoPermissionSaysToAskTheAdministrator() throws Exception {
        run(home("U0MALLORY", "3.2"), "application/json");
        idle();

        assertThat(published("U0MALLORY")).contains("Ask your administrator for access to VDI Bot.")
                .doesNotContain("Estate", "Your tasks");
        assertThat(submitted).isEmpty();
    }

    @Test
    void theHomeTabAsksOnlyForTheSectionsTheUserMaySee() throws Exception {
        // someone who may look at the estate but not at tasks
        core = (identity, commandId) -> commandId.equals("dashboard") ? AccessCheck.Verdict.ALLOWED
                : AccessCheck.Verdict.DENIED;
        run(home("U0DAVE", "3.3"), "application/json");
        idle();
        assertThat(submitted).extracting(Envelope::text).containsExactly("dashboard");
        assertThat(published("U0DAVE")).contains("Estate").doesNotContain("Your tasks", "Waiting for approval");

        submitted.clear();
        core = SlackAccessPayloadsTest::demoDirectory;
        run(home("U0ALICE", "3.4"), "application/json");
        idle();
        assertThat(submitted).extracting(Envelope::text)
                .containsExactlyInAnyOrder("dashboard", "tasks mine", "tasks pending");
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

    private static String home(String user, String ts) {
        return event(OURS, "{\"type\":\"app_home_opened\",\"user\":\"" + user + "\",\"channel\":\"D" + user
                + "\",\"tab\":\"home\",\"event_ts\":\"" + ts + "\"}");
    }

    /** The last Home tab published for {@code user}, as the view's JSON. */
    private String published(String user) {
        List<LoggedRequest> publishes = calls("/api/views.publish").stream()
                .filter(r -> user.equals(form(r.getBodyAsString()).get("user_id"))).toList();
        assertThat(publishes).as("home tab of " + user).isNotEmpty();
        return form(publishes.get(publishes.size() - 1).getBodyAsString()).get("view");
    }

    /**
     * The core's verdicts as the demo directory gives them: alice is a requester, dave a viewer (he may look, not
     * act), mallory is in the directory but in no group, and everyone else is unknown to it.
     */
    private static AccessCheck.Verdict demoDirectory(ChatIdentity identity, String commandId) {
        String email = identity.email() == null ? "" : identity.email();
        return switch (email) {
            case "alice@vdibot.example" -> AccessCheck.Verdict.ALLOWED;
            case "dave@vdibot.example" -> Set.of("sites", "dashboard", "list", "show", "tasks").contains(commandId)
                    ? AccessCheck.Verdict.ALLOWED : AccessCheck.Verdict.DENIED;
            case "mallory@vdibot.example" -> AccessCheck.Verdict.DENIED;
            default -> AccessCheck.Verdict.UNKNOWN_USER;
        };
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
