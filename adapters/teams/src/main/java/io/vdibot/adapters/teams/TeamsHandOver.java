package io.vdibot.adapters.teams;

import io.vdibot.adapters.teams.cards.CardRenderer;
import io.vdibot.adapters.teams.connector.ConnectorApi;
import io.vdibot.adapters.teams.connector.ConnectorException;
import io.vdibot.adapters.teams.connector.Outgoing;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.IdentityRefusal;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every handler does after answering the HTTP request: run the work on the adapter's workers, look the author
 * up, and hand the request to the core with the activity's id as idempotency key ({@code teams:<activity id>}), so a
 * repeat Teams sends after 15 s never acts twice. Each hand-over leaves a conversation reference for proactive
 * messages.
 */
final class TeamsHandOver {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsHandOver.class);

    /** The envelope for the author, once known. */
    interface EnvelopeFor {
        Envelope of(ChatIdentity identity);
    }

    private final ConnectorApi connector;
    private final TeamsPeople people;
    private final Conversations conversations;
    private final CommandGateway gateway;
    private final Executor work;
    private final Clock clock;

    TeamsHandOver(ConnectorApi connector, TeamsPeople people, Conversations conversations, CommandGateway gateway,
                  Executor work, Clock clock) {
        this.connector = connector;
        this.people = people;
        this.conversations = conversations;
        this.gateway = gateway;
        this.work = work;
        this.clock = clock;
    }

    /** Runs {@code task} on the adapter's workers; a failure is logged there, a full queue drops the activity. */
    void later(Runnable task) {
        try {
            work.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Teams activity failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.error("Teams work queue is full; activity dropped");
        }
    }

    /** Hands {@code text} to the core as typed by the activity's author in {@code thread}. */
    void submitText(InboundActivity activity, ThreadRef thread, String text) {
        submit(activity, thread, identity -> Envelope.ofText(identity, thread, text, key(activity), now(), null,
                zone(activity)));
    }

    void submit(InboundActivity activity, ThreadRef thread, EnvelopeFor envelope) {
        Optional<IdentityRefusal> refused = people.refusal(activity);
        if (refused.isPresent()) {
            LOG.info("refused a Teams request from {}: {}", activity.fromId(), refused.get());
            send(thread, new Outgoing("", new CardRenderer().render(Reply.refusal(
                    Messages.forLocale(locale(activity)).format(refused.get().messageKey()))).first()));
            return;
        }
        Optional<ChatIdentity> identity = people.identify(activity);
        if (identity.isEmpty()) {
            send(thread, new Outgoing("", new CardRenderer().render(Reply.builder().tone(Reply.Tone.WARNING)
                    .text(TeamsTexts.forLocale(locale(activity)).format("teams.identity.unavailable")).build())
                    .first()));
            return;
        }
        conversations.remember(activity, identity.get().email());
        gateway.submit(envelope.of(identity.get()));
    }

    /** Posts {@code message} in {@code thread}, inside its reply chain when it has one. */
    void send(ThreadRef thread, Outgoing message) {
        try {
            var address = TeamsThreads.address(thread);
            if (thread.threadId() == null) {
                connector.send(address, message);
            } else {
                connector.reply(address, thread.threadId(), message);
            }
        } catch (ConnectorException e) {
            LOG.warn("could not answer in Teams conversation {}: {}", thread.channelId(), e.getMessage());
        }
    }

    Instant now() {
        return clock.instant();
    }

    static String key(InboundActivity activity) {
        return "teams:" + activity.id();
    }

    static Locale locale(InboundActivity activity) {
        String tag = activity.locale();
        return tag == null || tag.isBlank() ? null : Locale.forLanguageTag(tag);
    }

    static ZoneId zone(InboundActivity activity) {
        String zone = activity.localTimezone();
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
