package io.vdibot.core.teams;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.vdibot.adapters.teams.TeamsAdapter;
import io.vdibot.adapters.teams.testing.Activities;
import io.vdibot.adapters.teams.testing.EndpointServer;
import io.vdibot.adapters.teams.testing.FakeBotFramework;
import io.vdibot.adapters.teams.testing.TokenMinter;
import io.vdibot.core.VdiBotApplication;
import io.vdibot.core.e2e.BotHarness;
import io.vdibot.core.e2e.EstateNames;
import io.vdibot.rhev.simulator.Simulator;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole bot on its embedded defaults with Teams configured against {@link FakeBotFramework} (OpenID metadata,
 * signing keys, token endpoint and Connector API on WireMock), driven through {@code /api/messages} with activities in
 * Teams' formats and tokens signed by the test's own key. The demo directory's people are in every roster.
 */
final class TeamsHarness implements AutoCloseable {

    static final String APPROVERS = "19:approvers@thread.tacv2";
    static final String REQUESTS = "19:vdi-requests@thread.tacv2";
    static final Activities.User ALICE = new Activities.User("29:alice", "aad-alice", "Alice Martin",
            "alice@vdibot.example");
    static final Activities.User BOB = new Activities.User("29:bob", "aad-bob", "Bob Johnson", "bob@vdibot.example");
    /** An admin: may do anything. */
    static final Activities.User CAROL = new Activities.User("29:carol", "aad-carol", "Carol Nguyen",
            "carol@vdibot.example");
    static final Activities.User ERIN = new Activities.User("29:erin", "aad-erin", "Erin Oncall",
            "erin@vdibot.example");
    static final Activities.User STRANGER = new Activities.User("29:sam", "aad-sam", "Sam Stranger",
            "sam@elsewhere.example");
    /** In the demo directory, but in no group: no role, no permission. */
    static final Activities.User MALLORY = new Activities.User("29:mallory", "aad-mallory", "Mallory Evans",
            "mallory@vdibot.example");
    /** A guest of the organisation (Entra B2B, {@code userRole: guest}) carrying the admin's address. */
    static final Activities.User GUEST = new Activities.User("29:carol-guest", "aad-carol-guest", "Carol Guest",
            "carol@vdibot.example");
    /** A viewer: may look at the estate, not ask for changes. */
    static final Activities.User DAVE = new Activities.User("29:dave", "aad-dave", "Dave Li", "dave@vdibot.example");

    final FakeBotFramework bf;
    final TokenMinter minter = new TokenMinter("bf-key-1", List.of("msteams"));
    /** A second published key that, like the Bot Framework's own, also endorses Web Chat. */
    final TokenMinter webChatToo = new TokenMinter("bf-key-2", List.of("msteams", "webchat"));
    final Activities activities;
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    TeamsHarness(Map<String, Object> overrides) {
        bf = new FakeBotFramework();
        bf.publish(minter);
        bf.publish(webChatToo);
        for (Activities.User user : List.of(ALICE, BOB, CAROL, ERIN, STRANGER, MALLORY, DAVE)) {
            bf.member(user);
        }
        bf.guest(GUEST);
        activities = new Activities(bf.serviceUrl());
        Path dataDir = BotHarness.newDataDir();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("vdibot.data-dir", dataDir.toString());
        properties.put("vdibot.console.enabled", "false");
        properties.put("vdibot.demo.port", "0");
        properties.put("vdibot.demo.time-scale", "0.01");
        properties.put("vdibot.progress-interval", "200ms");
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("vdibot.teams.app-id", FakeBotFramework.APP_ID);
        properties.put("vdibot.teams.app-password", FakeBotFramework.APP_PASSWORD);
        properties.put("vdibot.teams.tenant-id", Activities.TENANT);
        // the tenant every activity below comes from, unless a test says otherwise
        properties.put("vdibot.teams.allowed-tenant-ids", Activities.TENANT);
        properties.put("vdibot.teams.openid-metadata-url", bf.openIdMetadataUrl());
        properties.put("vdibot.teams.oauth-endpoint", bf.tokenEndpoint());
        properties.put("vdibot.teams.approvers-channel", APPROVERS);
        properties.put("vdibot.teams.oncall", "aad-erin");
        properties.put("vdibot.teams.service-url", bf.serviceUrl());
        properties.put("vdibot.teams.update-interval", "100ms");
        properties.putAll(overrides);
        context = new SpringApplicationBuilder(VdiBotApplication.class).properties(properties).run();
        url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                + TeamsConfiguration.MESSAGES_PATH;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String url() {
        return url;
    }

    /** Posts an activity as the Bot Framework does, with a valid token. */
    HttpResponse<String> send(JsonNode activity) {
        return post(activity.toString(), "Bearer " + minter.mint(FakeBotFramework.APP_ID, bf.serviceUrl()));
    }

    HttpResponse<String> post(String body, String authorization) {
        try {
            return EndpointServer.post(url, body, authorization, http);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    boolean idle(Duration timeout) throws InterruptedException {
        return bean(TeamsAdapter.class).awaitIdle(timeout);
    }

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
            sleep(50);
        }
        fail("no task " + nth + " for " + name + " within " + timeout);
        return null;
    }

    long taskCount() {
        return JdbcClient.create(bean(DataSource.class)).sql("SELECT COUNT(*) FROM task").query(Long.class).single();
    }

    long conversationRefs(String key) {
        return JdbcClient.create(bean(DataSource.class))
                .sql("SELECT COUNT(*) FROM conversation_ref WHERE platform = 'TEAMS' AND ref_key = :key")
                .param("key", key).query(Long.class).single();
    }

    long vmsNamed(String site, String name) {
        var engine = bean(Simulator.class).site(site).engine();
        return engine.read(() -> engine.estate().vms.values().stream().filter(vm -> name.equals(vm.name)).count());
    }

    /** The names of the simulated estate, none of which may reach someone who may not see them. */
    List<String> estateNames() {
        return EstateNames.of(bean(Simulator.class));
    }

    /** Every Connector call the bot made about {@code conversation} (activities sent there, its roster), as text. */
    List<String> callsAbout(String conversation) {
        return bf.connectorCalls().stream()
                .filter(r -> URLDecoder.decode(r.getUrl(), StandardCharsets.UTF_8).contains(conversation))
                .map(r -> r.getUrl() + " " + r.getBodyAsString()).toList();
    }

    /** Waits until some activity the bot sent contains {@code text}; returns its full text. */
    String awaitSent(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String sent : bf.sentTexts()) {
                if (sent.contains(text)) {
                    return sent;
                }
            }
            sleep(50);
        }
        fail("nothing sent to Teams contains \"" + text + "\" within " + timeout + "; sent: " + bf.sentTexts());
        return null;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
        bf.close();
    }
}
