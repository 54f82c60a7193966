package io.vdibot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.gson.JsonObject;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.vdibot.commands.AllCommands;
import io.vdibot.commands.port.AccessCheck;
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
 * Each kind of payload reaches its handler by id through Bolt, is acked at once, and hands the core what it stands
 * for exactly once. WireMock plays the Web API; payloads are in Slack's formats.
 */
class SlackPayloadHandlersTest {

    private static final String ALICE = "{\"ok\":true,\"user\":{\"id\":\"U0ALICE\",\"name\":\"alice\","
            + "\"real_name\":\"Alice Martin\",\"tz\":\"Europe/Paris\",\"locale\":\"en-US\",\"is_bot\":false,"
            + "\"deleted\":false,\"profile\":{\"email\":\"alice@vdibot.example\",\"display_name\":\"alice\"}}}";

    /** The workspace the adapter serves; every payload here comes from it. */
    private static final String TEAM = "T0001";

    private WireMockServer api;
    private SlackAdapter adapter;
    private SlackRequestParser parser;
    private final List<Envelope> submitted = new CopyOnWriteArrayList<>();
    /** The commands the core was asked about before anything was shown. */
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
        stub("users.info", ALICE);
        stub("views.open", "{\"ok\":true,\"view\":{\"id\":\"V1\",\"hash\":\"h1\"}}");
        stub("views.update", "{\"ok\":true,\"view\":{\"id\":\"V1\",\"hash\":\"h2\"}}");
        SlackSettings settings = SlackSettings.of(SlackSettings.Mode.HTTP, "xoxb-bot", "secret", null, "C0APPROVE",
                null).withApiUrl("http://127.0.0.1:" + api.port() + "/api/")
                .withAccess(SlackAccess.onlyTeams(List.of(TEAM)));
        // the core knows alice, a requester, and lets her use every form
        AccessCheck access = (identity, commandId) -> {
            asked.add(commandId);
            return "alice@vdibot.example".equals(identity.email()) ? AccessCheck.Verdict.ALLOWED
                    : AccessCheck.Verdict.UNKNOWN_USER;
        };
        adapter = SlackAdapter.create(settings, submitted::add, AllCommands.registry(), new Inventory(), access,
                new InMemorySlackThreadStore(), Clock.systemUTC());
        parser = new SlackRequestParser(adapter.app().config());
    }

    @AfterEach
    void stop() {
        adapter.close();
        api.stop();
    }

    @Test
    void anApproveClickIsHandedOverOnceAsTheTextItStandsFor() throws Exception {
        String click = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\"},"
                + "\"user\":{\"id\":\"U0ALICE\"},\"trigger_id\":\"t1\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"100.1\",\"channel_id\":\"C0APPROVE\"},"
                + "\"channel\":{\"id\":\"C0APPROVE\"},\"response_url\":\"https://hooks.slack.test/r1\","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"approve\",\"block_id\":\"b\","
                + "\"value\":\"T1042\"}]}";

        assertThat(run(interactive(click)).getStatusCode()).isEqualTo(200);
        assertThat(run(interactive(click)).getStatusCode()).as("a double click is acked too").isEqualTo(200);
        assertThat(adapter.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(submitted).singleElement().satisfies(envelope -> {
            assertThat(envelope.text()).isEqualTo("approve T1042");
            assertThat(envelope.idempotencyKey()).isEqualTo("slack:click:C0APPROVE:100.1:U0ALICE:approve");
            assertThat(envelope.thread().extras()).containsEntry(SlackThreads.CLICK, "approve")
                    .containsEntry(SlackThreads.CARD_TS, "100.1");
        });
    }

    @Test
    void aCommandWithAFormTypedWithoutArgumentsOpensTheModalAndHandsNothingOver() throws Exception {
        String body = "command=%2Fvdi&text=pool+create&user_id=U0ALICE&channel_id=C0DEV&trigger_id=t2"
                + "&response_url=https%3A%2F%2Fhooks.slack.test%2Fr2&team_id=" + TEAM;

        assertThat(run(body).getStatusCode()).isEqualTo(200);
        assertThat(adapter.awaitIdle(Duration.ofSeconds(10))).isTrue();

        api.verify(postRequestedFor(urlPathEqualTo("/api/views.open")));
        api.verify(postRequestedFor(urlPathEqualTo("/api/views.update")));
        assertThat(submitted).isEmpty();
        assertThat(asked).as("the core was asked whether alice may use the form's command").contains("pool.create");
    }

    @Test
    void aPickerGetsItsOptionsFromTheInventoryInTheAck() throws Exception {
        String context = new FormModals.FormContext("pool.create", "C0DEV", null, "U0ALICE", "UTC", "en").json();
        JsonObject view = new JsonObject();
        view.addProperty("id", "V3");
        view.addProperty("private_metadata", context);
        String suggestion = "{\"type\":\"block_suggestion\",\"team\":{\"id\":\"" + TEAM + "\"},"
                + "\"user\":{\"id\":\"U0ALICE\"},\"action_id\":\"template\","
                + "\"block_id\":\"template\",\"value\":\"rhel\",\"view\":" + view + "}";

        Response response = run(interactive(suggestion));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("rhel9-desktop").doesNotContain("win11");
        assertThat(submitted).isEmpty();
        assertThat(asked).containsExactly("pool.create");
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedInTheAckNextToItsField() throws Exception {
        JsonObject meta = new JsonObject();
        meta.addProperty("task", "T1042");
        meta.addProperty("channel", "C0APPROVE");
        meta.addProperty("card", "100.1");
        String submission = "{\"type\":\"view_submission\",\"team\":{\"id\":\"" + TEAM + "\"},"
                + "\"user\":{\"id\":\"U0ALICE\"},"
                + "\"view\":{\"id\":\"V4\",\"type\":\"modal\",\"callback_id\":\"vdi_reject\","
                + "\"private_metadata\":" + quoted(meta.toString())
                + ",\"state\":{\"values\":{\"reason\":{\"reason\":{\"type\":\"plain_text_input\",\"value\":\" \"}}}}}}";

        Response response = run(interactive(submission));

        assertThat(response.getBody()).contains("\"response_action\":\"errors\"").contains("reason");
        assertThat(adapter.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(submitted).isEmpty();
    }

    private Response run(String body) throws Exception {
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder().requestUri("/slack/events")
                .headers(new RequestHeaders(Map.of("Content-Type", List.of("application/x-www-form-urlencoded"))))
                .requestBody(body).build());
        return adapter.app().run(request);
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
