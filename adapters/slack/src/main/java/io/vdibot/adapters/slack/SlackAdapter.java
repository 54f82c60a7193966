package io.vdibot.adapters.slack;

import io.vdibot.adapters.common.RecentKeys;
import com.slack.api.Slack;
import io.vdibot.adapters.common.AdapterWorkers;
import io.vdibot.adapters.common.CommandForms;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.response.Response;
import com.slack.api.socket_mode.SocketModeClient;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack adapter, assembled: a Bolt app with every listener, the notifier the core posts through, and the way in
 * for either mode — {@link #servlet()} for HTTP ({@code /slack/events}) or {@link #start()} for Socket Mode, where the
 * bot dials out and needs no inbound endpoint.
 */
public final class SlackAdapter implements ChatAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);
    private static final int WORKERS = 8;
    private static final int QUEUE = 10_000;

    private final SlackSettings settings;
    private final Slack slack;
    private final App app;
    private final SlackApi api;
    private final SlackThreadNotifier notifier;
    private final UpdateQueue updates;
    private final AdapterWorkers work;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private SocketModeApp socketMode;

    private SlackAdapter(SlackSettings settings, CommandGateway gateway, CommandRegistry registry,
                         InventoryLookup inventory, AccessCheck access, SlackThreadStore store, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        // statistics would resolve the team with extra auth.test calls
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        config.setHttpClientCallTimeoutMillis(15_000);
        this.slack = Slack.getInstance(config);
        this.api = new SlackApi(slack, settings.botToken());
        this.work = new AdapterWorkers("slack-work", WORKERS, QUEUE);
        this.timer = Executors.newSingleThreadScheduledExecutor(AdapterWorkers.daemonThreads("slack-timer"));
        this.updates = new UpdateQueue(api, settings.updateInterval(), settings.updatesPerMinute());
        BlockKitRenderer renderer = new BlockKitRenderer();
        SlackTexts texts = SlackTexts.forLocale(settings.locale());
        ApprovalCards cards = new ApprovalCards(api, renderer, clock, texts);
        HomeBoard home = new HomeBoard(api, renderer, timer, clock);
        this.notifier = new SlackThreadNotifier(api, settings, renderer, store, updates, cards, home);
        this.app = app(settings, slack);
        inbound(gateway, registry, inventory, Objects.requireNonNull(access, "access"), cards, home).register(app);
    }

    /**
     * @param inventory the names forms' pickers offer
     * @param access    whom forms, pickers and App Home show anything to, asked before any inventory name is shown
     */
    public static SlackAdapter create(SlackSettings settings, CommandGateway gateway, CommandRegistry registry,
                                      InventoryLookup inventory, AccessCheck access, SlackThreadStore store,
                                      Clock clock) {
        return new SlackAdapter(settings, gateway, registry, inventory, access, store, clock);
    }

    private static App app(SlackSettings settings, Slack slack) {
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                // the adapter verifies signatures itself, before Bolt sees the request (constant time, replays)
                .signingSecret(settings.signingSecret() == null ? "-" : settings.signingSecret())
                .requestVerificationEnabled(false)
                .ignoringSelfEventsEnabled(false)
                .slack(slack)
                .build();
        // the workspace is checked before any listener, so nothing runs for a workspace the bot does not serve
        return new App(config, slack, List.of(new SSLCheck(null),
                new SlackWorkspaceGate(settings.access(), settings.locale()),
                new BotTokenContext(settings.botToken())));
    }

    /** One handler per kind of payload, sharing the hand-over to the core and the forms. */
    private SlackInbound inbound(CommandGateway gateway, CommandRegistry registry, InventoryLookup inventory,
                                 AccessCheck access, ApprovalCards cards, HomeBoard home) {
        SlackPeople people = new SlackPeople(api, clock);
        SlackAdmissions admissions = new SlackAdmissions(people, settings, access);
        FormModals modals = new FormModals();
        SlackHandOver handOver = new SlackHandOver(api, settings, people, admissions, gateway,
                new RecentKeys(clock, 100_000), work, clock);
        CommandForms commandForms = new CommandForms(registry);
        SlackForms forms = new SlackForms(api, settings, commandForms, modals, handOver);
        return new SlackInbound(List.of(
                new SlackCommandHandler(settings, commandForms, forms, handOver),
                new SlackClickHandler(api, registry, modals, cards, commandForms, forms, handOver),
                new SlackSubmissionHandler(settings, registry, modals, commandForms, handOver, clock),
                new SlackOptionsHandler(commandForms, inventory, admissions, work),
                new SlackHomeHandler(home, gateway, handOver, admissions, registry, clock)));
    }

    public SlackSettings settings() {
        return settings;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public ThreadNotifier notifier() {
        return notifier;
    }

    public App app() {
        return app;
    }

    /** The HTTP endpoint, to be mapped at {@code /slack/events}. */
    public SlackEventsServlet servlet() {
        if (settings.mode() != SlackSettings.Mode.HTTP) {
            throw new IllegalStateException("the HTTP endpoint is for HTTP mode");
        }
        return new SlackEventsServlet(app, new SlackSignatureVerifier(settings.signingSecret(), clock),
                new RecentKeys(clock, 200_000), settings.maxBodyBytes());
    }

    /**
     * In Socket Mode, dials out to Slack (apps.connections.open, then a WebSocket) and keeps reconnecting as Slack
     * asks; in HTTP mode requests come through {@link #servlet()} and there is nothing to start.
     */
    @Override
    public synchronized void start() throws Exception {
        if (settings.mode() == SlackSettings.Mode.SOCKET && socketMode == null) {
            socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket,
                    error -> {
                        LOG.error("Socket Mode request failed", error.getException());
                        return Response.error(500);
                    }, WORKERS);
            socketMode.startAsync();
        }
    }

    /** Waits until handed-over work and pending message edits are done; for shutdown and tests. */
    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        return work.awaitIdle(timeout) && updates.awaitIdle(timeout.minusNanos(System.nanoTime() - started));
    }

    @Override
    public synchronized void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.warn("Socket Mode did not close cleanly: {}", e.toString());
            }
            socketMode = null;
        }
        try {
            updates.awaitIdle(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        updates.close();
        work.shutdownNow();
        timer.shutdownNow();
        app.stop();
        try {
            slack.close();
        } catch (Exception e) {
            LOG.debug("Slack client did not close cleanly: {}", e.toString());
        }
    }
}
