package io.vdibot.adapters.teams;

import io.vdibot.adapters.common.RecentKeys;
import io.vdibot.adapters.common.AdapterWorkers;
import io.vdibot.adapters.common.CommandForms;
import io.vdibot.adapters.teams.auth.AccessTokens;
import io.vdibot.adapters.teams.auth.BotTokenValidator;
import io.vdibot.adapters.teams.auth.ClientCredentialsTokens;
import io.vdibot.adapters.teams.auth.JwtBotTokenValidator;
import io.vdibot.adapters.teams.auth.OpenIdKeys;
import io.vdibot.adapters.teams.cards.CardRenderer;
import io.vdibot.adapters.teams.connector.ConnectorApi;
import io.vdibot.adapters.teams.connector.PacedConnectorApi;
import io.vdibot.adapters.teams.connector.SdkConnectorApi;
import io.vdibot.commands.Platform;
import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.ChatAdapter;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.port.ThreadNotifier;
import io.vdibot.commands.spec.CommandRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The Teams adapter, assembled: the endpoint for {@code /api/messages} ({@link #endpoint()}), the notifier the core
 * posts through ({@link #notifier()}), and what they share — the token checks, the Connector client (paced and
 * retried), the card stores.
 */
public final class TeamsAdapter implements ChatAdapter {

    private static final int WORKERS = 8;
    private static final int QUEUE = 10_000;

    private final TeamsSettings settings;
    private final OkHttpClient http;
    private final AdapterWorkers work;
    private final CardUpdates updates;
    private final TeamsThreadNotifier notifier;
    private final TeamsEndpoint endpoint;

    private TeamsAdapter(TeamsSettings settings, CommandGateway gateway, CommandRegistry registry,
                         InventoryLookup inventory, AccessCheck access, TeamsThreadStore store,
                         ConversationStore references, Clock clock, OkHttpClient http, BotTokenValidator validator,
                         ConnectorApi connector) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = http;
        this.work = new AdapterWorkers("teams-work", WORKERS, QUEUE);
        this.updates = new CardUpdates(connector, settings.updateInterval());
        PendingAnswers pending = new PendingAnswers();
        CardRenderer renderer = new CardRenderer();
        TeamsPeople people = new TeamsPeople(connector, clock);
        Conversations conversations = new Conversations(references, connector, settings);
        TeamsApprovals approvals = new TeamsApprovals(connector, settings, store, conversations, pending,
                renderer, clock);
        CommandForms commandForms = new CommandForms(registry);
        TeamsFormGate gate = new TeamsFormGate(people, Objects.requireNonNull(access, "access"), settings.locale());
        TeamsForms forms = new TeamsForms(commandForms, gate, inventory, connector, pending, work);
        FullTables tables = new FullTables();
        this.notifier = new TeamsThreadNotifier(connector, settings, renderer, store, updates, approvals, forms,
                conversations, pending, tables);
        TeamsHandOver handOver = new TeamsHandOver(connector, people, conversations, gateway, work, clock);
        List<CardActionHandler> cardActions = List.of(
                new TeamsClickHandler(registry, approvals, pending, settings, handOver),
                new TeamsFormSubmissionHandler(registry, commandForms, forms, pending, settings, handOver, clock),
                new TeamsChoicesHandler(commandForms, forms),
                new TeamsTableHandler(tables, handOver, renderer));
        TeamsInbound inbound = new TeamsInbound(new TeamsCommandHandler(commandForms, forms, conversations, handOver),
                cardActions, new TeamsInstallHandler(people, conversations, handOver), new RecentKeys(clock, 100_000),
                handOver);
        this.endpoint = new TeamsEndpoint(validator, new TeamsTenantGate(settings), inbound,
                settings.maxBodyBytes());
    }

    /**
     * The adapter against the real (or configured) Bot Framework endpoints.
     *
     * @param inventory the names form cards offer as choices
     * @param access    whom form cards are drawn for, asked before any choice is listed
     */
    public static TeamsAdapter create(TeamsSettings settings, CommandGateway gateway, CommandRegistry registry,
                                      InventoryLookup inventory, AccessCheck access, TeamsThreadStore store,
                                      ConversationStore references, Clock clock) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        OpenIdKeys keys = new OpenIdKeys(settings.openIdMetadataUrl(), http, clock, Duration.ofDays(1),
                Duration.ofMinutes(5));
        // issuer, key set, token endpoint and scope all come from the settings, so a sovereign cloud is configuration
        BotTokenValidator validator = new JwtBotTokenValidator(settings.appId(), Set.of(settings.tokenIssuer()), keys,
                clock);
        AccessTokens tokens = new ClientCredentialsTokens(settings.oauthEndpoint(), settings.appId(),
                settings.appPassword(), settings.certificate(), settings.oauthScope(), http, clock);
        ConnectorApi connector = PacedConnectorApi.standard(new SdkConnectorApi(tokens, http));
        return new TeamsAdapter(settings, gateway, registry, inventory, access, store, references, clock, http,
                validator, connector);
    }

    public TeamsSettings settings() {
        return settings;
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public ThreadNotifier notifier() {
        return notifier;
    }

    /** The servlet to map at {@code /api/messages}. */
    public TeamsEndpoint endpoint() {
        return endpoint;
    }

    /** Waits until handed-over work and pending card edits are done; for shutdown and tests. */
    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        return work.awaitIdle(timeout) && updates.awaitIdle(timeout.minusNanos(System.nanoTime() - started));
    }

    @Override
    public void close() {
        try {
            updates.awaitIdle(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        updates.close();
        work.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
