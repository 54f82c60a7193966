package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.teams.cards.ApprovalCards;
import io.vdibot.adapters.teams.cards.CardRenderer;
import io.vdibot.adapters.teams.connector.Address;
import io.vdibot.adapters.teams.connector.ConnectorApi;
import io.vdibot.adapters.teams.connector.ConnectorException;
import io.vdibot.adapters.teams.connector.Outgoing;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TextBlock;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approvers' side: the core's approval request becomes a card in the configured approvers' channel with Approve and
 * Reject for everyone there (the core refuses whoever may not decide); a click is answered with the decided card
 * (who, when, why) or, for a refusal (own request, not an approver, already decided, expired), with the card and the
 * reason on top, for the clicker alone. Reminders go under the card; an expired card loses its buttons.
 */
final class TeamsApprovals {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsApprovals.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ConnectorApi connector;
    private final TeamsSettings settings;
    private final TeamsThreadStore store;
    private final Conversations conversations;
    private final PendingAnswers pending;
    private final CardRenderer renderer;
    private final ApprovalCards cards = new ApprovalCards();
    private final Clock clock;

    TeamsApprovals(ConnectorApi connector, TeamsSettings settings, TeamsThreadStore store, Conversations conversations,
                   PendingAnswers pending, CardRenderer renderer, Clock clock) {
        this.connector = connector;
        this.settings = settings;
        this.store = store;
        this.conversations = conversations;
        this.pending = pending;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** The task's approval card in the approvers' channel, or, when it is there already, a reply under it. */
    void ask(String task, Reply reply) throws ConnectorException {
        if (settings.approversChannel() == null) {
            LOG.warn("vdibot.teams.approvers-channel is not set; the approval request of {} is not shown in Teams",
                    task);
            return;
        }
        Optional<TeamsThreadStore.CardRoot> known = root(task);
        if (known.isPresent()) {
            TeamsThreadStore.CardRoot root = known.get();
            CardRenderer.Rendered rendered = renderer.render(reply);
            connector.reply(new Address(root.serviceUrl(), root.conversationId(), root.tenantId()),
                    root.activityId(), new Outgoing(rendered.summary(), rendered.first()));
            return;
        }
        Address channel = conversations.channel(settings.approversChannel()).orElseThrow();
        ApprovalCards.State state = cards.state(reply, task);
        ObjectNode card = open(state, null, null);
        String id = connector.send(channel, new Outgoing(CardRenderer.summary(reply), card));
        if (task != null && id != null) {
            String conversation = channel.conversationId() + TeamsThreads.MESSAGE_ID + id;
            store.save(task, TeamsThreadStore.APPROVAL, new TeamsThreadStore.CardRoot(channel.serviceUrl(),
                    channel.tenantId(), conversation, id, id, CardRenderer.summary(reply), JSON.valueToTree(state)));
        }
    }

    /**
     * Reminds the approvers under the task's card, where the buttons are; without a card (it could not be sent), in
     * the channel itself.
     */
    void remind(String task, Reply reminder) throws ConnectorException {
        if (settings.approversChannel() == null) {
            return;
        }
        CardRenderer.Rendered rendered = renderer.render(reminder);
        Outgoing message = new Outgoing(rendered.summary(), rendered.first());
        Optional<TeamsThreadStore.CardRoot> known = root(task);
        if (known.isPresent()) {
            TeamsThreadStore.CardRoot root = known.get();
            connector.reply(new Address(root.serviceUrl(), root.conversationId(), root.tenantId()),
                    root.activityId(), message);
            return;
        }
        connector.send(conversations.channel(settings.approversChannel()).orElseThrow(), message);
    }

    /** Redraws the task's card for everyone with the last line of {@code closed} in place of its buttons. */
    void close(String task, Reply closed) throws ConnectorException {
        Optional<TeamsThreadStore.CardRoot> root = root(task);
        Optional<ApprovalCards.State> state = state(root);
        if (state.isEmpty() || state.get().decision() != null) {
            return;
        }
        redraw(task, root.get(), state.get().decided(lastText(closed)), CardRenderer.summary(closed), null);
    }

    /** The card a client shows after a refresh: only cards sent before the buttons were in every card ask. */
    ObjectNode refresh(String task, Locale locale) {
        return state(root(task)).map(s -> open(s, locale, null)).orElse(null);
    }

    /** What the clicking approver sees while the core records the decision. */
    ObjectNode working(String task, Locale locale) {
        Optional<ApprovalCards.State> state = state(root(task));
        Reply notice = Reply.text(texts(locale).format("teams.approval.working"));
        return state.map(s -> open(s, locale, notice)).orElse(renderer.render(notice).first());
    }

    private ObjectNode open(ApprovalCards.State state, Locale locale, Reply notice) {
        TeamsTexts texts = texts(locale);
        return cards.open(state, texts.format("teams.approval.reason"),
                texts.format("teams.approval.hint", state.task()), notice);
    }

    /** The core's answer to a click on Approve or Reject. */
    MessageHandle answer(ThreadRef click, Reply reply) throws ConnectorException {
        String task = click.extras().get(TeamsThreads.DECIDES);
        Optional<TeamsThreadStore.CardRoot> root = root(task);
        Optional<ApprovalCards.State> state = state(root);
        String cardId = click.extras().get(TeamsThreads.CARD);
        Address cardAddress = TeamsThreads.address(click);
        String key = click.extras().get(TeamsThreads.PENDING);
        if (state.isEmpty()) {
            ObjectNode card = renderer.render(reply).first();
            if (!pending.complete(key, card)) {
                connector.reply(cardAddress, cardId, new Outgoing(CardRenderer.summary(reply), card));
            }
            return new MessageHandle(click, cardId == null ? "-" : cardId);
        }
        if (reply.kind() == Reply.Kind.DECISION) {
            String line = firstText(reply) + "\n" + texts(null).format("teams.approval.decided",
                    WHEN.format(clock.instant()));
            redraw(task, root.get(), state.get().decided(line), CardRenderer.summary(reply), key);
            return new MessageHandle(click, root.get().activityId());
        }
        ObjectNode card = open(state.get(), null, reply);
        if (!pending.complete(key, card)) {
            // too late for the invoke: the refusal goes under the card
            connector.reply(cardAddress, cardId, new Outgoing(CardRenderer.summary(reply),
                    renderer.render(reply).first()));
        }
        return new MessageHandle(click, cardId == null ? "-" : cardId);
    }

    /**
     * Keeps {@code decided} as the task's card state and redraws everyone's copy of the card with it, not only the
     * clicker's; the waiting invoke of {@code pendingKey} (null: none) gets the card first.
     */
    private void redraw(String task, TeamsThreadStore.CardRoot root, ApprovalCards.State decided, String summary,
                        String pendingKey) throws ConnectorException {
        store.save(task, TeamsThreadStore.APPROVAL, new TeamsThreadStore.CardRoot(root.serviceUrl(),
                root.tenantId(), root.conversationId(), root.activityId(), root.replyTo(), root.headline(),
                JSON.valueToTree(decided)));
        ObjectNode card = cards.decided(decided);
        pending.complete(pendingKey, card);
        connector.update(new Address(root.serviceUrl(), root.conversationId(), root.tenantId()), root.activityId(),
                new Outgoing(summary, card));
    }

    private Optional<TeamsThreadStore.CardRoot> root(String task) {
        return task == null ? Optional.empty() : store.find(task, TeamsThreadStore.APPROVAL);
    }

    private static Optional<ApprovalCards.State> state(Optional<TeamsThreadStore.CardRoot> root) {
        return root.filter(r -> r.state() != null)
                .map(r -> JSON.convertValue(r.state(), ApprovalCards.State.class));
    }

    private static String lastText(Reply reply) {
        return reply.blocks().stream().filter(TextBlock.class::isInstance).map(b -> ((TextBlock) b).text())
                .reduce((first, second) -> second).orElse("");
    }

    private static String firstText(Reply reply) {
        return reply.blocks().stream().filter(TextBlock.class::isInstance).map(b -> ((TextBlock) b).text())
                .findFirst().orElse("");
    }

    private TeamsTexts texts(Locale locale) {
        return TeamsTexts.forLocale(locale != null ? locale : settings.locale());
    }
}
