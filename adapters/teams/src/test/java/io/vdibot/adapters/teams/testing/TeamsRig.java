package io.vdibot.adapters.teams.testing;

import io.vdibot.commands.AllCommands;
import com.fasterxml.jackson.databind.JsonNode;
import io.vdibot.adapters.teams.ConversationStore;
import io.vdibot.adapters.teams.InMemoryConversationStore;
import io.vdibot.adapters.teams.InMemoryTeamsThreadStore;
import io.vdibot.adapters.teams.TeamsAdapter;
import io.vdibot.adapters.teams.TeamsSettings;
import io.vdibot.adapters.teams.TeamsThreadStore;
import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.view.InventoryKind;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The Teams adapter on its own, behind a real Tomcat, against {@link FakeBotFramework}; the core is a recording
 * gateway whose answers a test scripts.
 */
public final class TeamsRig implements AutoCloseable {

    public static final String APPROVERS = "19:approvers@thread.tacv2";
    public static final Activities.User ALICE = new Activities.User("29:alice", "aad-alice", "Alice Requester",
            "alice@vdibot.example");
    public static final Activities.User BOB = new Activities.User("29:bob", "aad-bob", "Bob Approver",
            "bob@vdibot.example");
    public static final Activities.User ERIN = new Activities.User("29:erin", "aad-erin", "Erin Oncall",
            "erin@vdibot.example");

    public final FakeBotFramework bf;
    private final boolean ownsBotFramework;
    public final TokenMinter minter = new TokenMinter("key-1", List.of("msteams", "skype"));
    public final Activities activities;
    public final List<Envelope> submitted = new CopyOnWriteArrayList<>();
    public final TeamsThreadStore cards = new InMemoryTeamsThreadStore();
    public final ConversationStore references;
    public volatile BiConsumer<TeamsRig, Envelope> core = (rig, envelope) -> { };
    /** The core's verdict on who may see a form card; everyone, unless a test says otherwise. */
    public volatile AccessCheck access = (identity, commandId) -> AccessCheck.Verdict.ALLOWED;
    public final TeamsAdapter adapter;
    public final EndpointServer server;

    public TeamsRig() throws Exception {
        this(null, new InMemoryConversationStore(), List.of("aad-erin"));
    }

    /** A rig on an existing fake Bot Framework (kept open on close), as a restarted bot would find it. */
    public TeamsRig(FakeBotFramework existing, ConversationStore references, List<String> onCall) throws Exception {
        this(existing, references, onCall, TokenMinter.ISSUER, null, Set.of(Activities.TENANT));
    }

    /**
     * A rig whose bot accepts tokens from {@code tokenIssuer} and asks for its own with {@code oauthScope} (a
     * sovereign cloud's; {@code null}: the public cloud's), and serves activities from {@code allowedTenants} (none:
     * every tenant, as a demo).
     */
    public TeamsRig(String tokenIssuer, String oauthScope, Set<String> allowedTenants) throws Exception {
        this(null, new InMemoryConversationStore(), List.of("aad-erin"), tokenIssuer, oauthScope, allowedTenants);
    }

    private TeamsRig(FakeBotFramework existing, ConversationStore references, List<String> onCall,
                     String tokenIssuer, String oauthScope, Set<String> allowedTenants) throws Exception {
        this.ownsBotFramework = existing == null;
        this.bf = existing == null ? new FakeBotFramework() : existing;
        this.references = references;
        this.activities = new Activities(bf.serviceUrl());
        bf.publish(minter);
        bf.member(ALICE);
        bf.member(BOB);
        bf.member(ERIN);
        TeamsSettings settings = new TeamsSettings(FakeBotFramework.APP_ID, FakeBotFramework.APP_PASSWORD, null,
                Activities.TENANT, bf.openIdMetadataUrl(), bf.tokenEndpoint(), APPROVERS, onCall, bf.serviceUrl(),
                Duration.ofMillis(200), Duration.ofSeconds(3), 0, Locale.ENGLISH, tokenIssuer, oauthScope,
                allowedTenants);
        CommandGateway gateway = envelope -> {
            submitted.add(envelope);
            new Thread(() -> core.accept(this, envelope)).start();
        };
        adapter = TeamsAdapter.create(settings, gateway, AllCommands.registry(), new Inventory(),
                (identity, commandId) -> access.verdict(identity, commandId), cards, references, Clock.systemUTC());
        server = new EndpointServer(adapter.endpoint());
    }

    /** Waits up to ten seconds for a condition the adapter brings about asynchronously. */
    public static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }

    /** Posts an activity with a valid token. */
    public HttpResponse<String> send(JsonNode activity) throws Exception {
        return server.post(activity.toString(), "Bearer " + minter.mint(FakeBotFramework.APP_ID, bf.serviceUrl()));
    }

    public void idle() throws InterruptedException {
        adapter.awaitIdle(Duration.ofSeconds(10));
    }

    @Override
    public void close() throws Exception {
        server.close();
        adapter.close();
        if (ownsBotFramework) {
            bf.close();
        }
    }

    /** Two sites with a few names, as the inventory cache would give them. */
    static final class Inventory implements InventoryLookup {
        @Override
        public List<String> sites() {
            return List.of("dc1", "dc2");
        }

        @Override
        public List<String> names(String site, InventoryKind kind, String prefix, int limit) {
            String at = site == null ? "dc1" : site;
            return switch (kind) {
                case TEMPLATES -> List.of("rhel9-desktop-" + at, "win11-" + at);
                case CLUSTERS -> List.of("Linux-Desktops");
                case STORAGE -> List.of("data-" + at);
                default -> List.of();
            };
        }
    }
}
