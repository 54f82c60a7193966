package io.vdibot.adapters.slack;

import io.vdibot.commands.AllCommands;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.view.InventoryKind;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode: the bot opens the connection (apps.connections.open with the app-level token, then a WebSocket),
 * acks each envelope by its id, and a retried envelope does not act twice. WireMock plays the Web API and a local
 * WebSocket server plays Slack's Socket Mode endpoint.
 */
class SocketModeTest {

    private WireMockServer api;
    private FakeSlackSocket socket;
    private SlackAdapter adapter;
    private final List<Envelope> submitted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        socket = new FakeSlackSocket(freePort());
        socket.start();
        assertThat(socket.started.await(5, TimeUnit.SECONDS)).isTrue();
        api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
        api.stubFor(post(urlPathEqualTo("/api/apps.connections.open")).willReturn(aResponse().withHeader(
                "Content-Type", "application/json").withBody("{\"ok\":true,\"url\":\"ws://127.0.0.1:"
                + socket.getPort() + "/link/?ticket=t1\"}")));
        api.stubFor(post(urlPathEqualTo("/api/users.info")).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody("{\"ok\":true,\"user\":{\"id\":\"U0ALICE\",\"name\":\"alice\","
                + "\"real_name\":\"Alice Martin\",\"tz\":\"Europe/Paris\",\"locale\":\"en-US\",\"is_bot\":false,"
                + "\"deleted\":false,\"profile\":{\"email\":\"alice@vdibot.example\",\"display_name\":\"alice\"}}}")));
        SlackSettings settings = SlackSettings.of(SlackSettings.Mode.SOCKET, "xoxb-bot", null, "xapp-app-token",
                "C0APPROVE", null).withApiUrl("http://127.0.0.1:" + api.port() + "/api/")
                .withAccess(SlackAccess.onlyTeams(List.of("T0001")));
        CommandGateway gateway = submitted::add;
        // nothing here opens a form or App Home: the core would let nobody see them
        adapter = SlackAdapter.create(settings, gateway, AllCommands.registry(), new NoInventory(),
                (identity, commandId) -> AccessCheck.Verdict.DENIED, new InMemorySlackThreadStore(),
                Clock.systemUTC());
        adapter.start();
        assertThat(socket.connected.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        if (api != null) {
            api.stop();
        }
        if (socket != null) {
            socket.stop(1000);
        }
    }

    @Test
    void theBotDialsOutAcksEachEnvelopeAndARetryDoesNotActTwice() throws Exception {
        // the app-level token, not the bot token, opens the connection
        api.verify(postRequestedFor(urlPathEqualTo("/api/apps.connections.open"))
                .withHeader("Authorization", containing("xapp-app-token")));

        socket.send(slashEnvelope("env-1", null));
        JsonObject ack = JsonParser.parseString(socket.acks.poll(3, TimeUnit.SECONDS)).getAsJsonObject();
        assertThat(ack.get("envelope_id").getAsString()).isEqualTo("env-1");
        assertThat(ack.getAsJsonObject("payload").get("text").getAsString()).contains("/vdi sites");

        // Slack resends an envelope it thinks was not acked: another envelope id, the same payload
        socket.send(slashEnvelope("env-2", 1));
        JsonObject second = JsonParser.parseString(socket.acks.poll(3, TimeUnit.SECONDS)).getAsJsonObject();
        assertThat(second.get("envelope_id").getAsString()).isEqualTo("env-2");

        assertThat(adapter.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(submitted).singleElement().satisfies(envelope -> {
            assertThat(envelope.text()).isEqualTo("sites");
            assertThat(envelope.idempotencyKey()).isEqualTo("slack:cmd:111.222.abc");
            assertThat(envelope.identity().email()).isEqualTo("alice@vdibot.example");
            assertThat(envelope.zone()).hasToString("Europe/Paris");
            assertThat(envelope.thread().channelId()).isEqualTo("C0DEV");
        });
    }

    private static String slashEnvelope(String envelopeId, Integer retry) {
        JsonObject payload = new JsonObject();
        payload.addProperty("token", "legacy");
        payload.addProperty("team_id", "T0001");
        payload.addProperty("channel_id", "C0DEV");
        payload.addProperty("user_id", "U0ALICE");
        payload.addProperty("user_name", "alice");
        payload.addProperty("command", "/vdi");
        payload.addProperty("text", "sites");
        payload.addProperty("api_app_id", "A0VDIBOT");
        payload.addProperty("response_url", "http://127.0.0.1:9/response");
        payload.addProperty("trigger_id", "111.222.abc");
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", envelopeId);
        envelope.addProperty("type", "slash_commands");
        envelope.addProperty("accepts_response_payload", true);
        if (retry != null) {
            envelope.addProperty("retry_attempt", retry);
            envelope.addProperty("retry_reason", "timeout");
        }
        envelope.add("payload", payload);
        return envelope.toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Slack's side of a Socket Mode connection: says hello, sends envelopes, collects acks. */
    private static final class FakeSlackSocket extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch connected = new CountDownLatch(1);
        final BlockingQueue<String> acks = new LinkedBlockingQueue<>();
        private volatile WebSocket client;

        FakeSlackSocket(int port) {
            super(new InetSocketAddress("127.0.0.1", port));
            setReuseAddr(true);
        }

        void send(String text) {
            client.send(text);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            client = conn;
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0VDIBOT\"},"
                    + "\"debug_info\":{\"host\":\"test\"}}");
            connected.countDown();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            if (message.contains("envelope_id")) {
                acks.add(message);
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    private static final class NoInventory implements InventoryLookup {
        @Override
        public List<String> sites() {
            return List.of("dc1");
        }

        @Override
        public List<String> names(String site, InventoryKind kind, String prefix, int limit) {
            return List.of();
        }
    }
}
