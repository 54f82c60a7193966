package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.teams.cards.ApprovalCards;
import io.vdibot.adapters.teams.cards.CardRenderer;
import io.vdibot.adapters.teams.cards.Cards;
import io.vdibot.adapters.teams.cards.FormCards;
import io.vdibot.adapters.teams.connector.ConnectorApi;
import io.vdibot.adapters.teams.connector.ConnectorException;
import io.vdibot.adapters.teams.connector.Outgoing;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.parse.ParseContext;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.commands.spec.CommandRegistry;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activities that passed authentication. Messages are answered at once (Teams resends after 15 s) and handed to the
 * core on a worker: the author's identity is looked up there, and a resent activity (same id) is dropped. Card clicks
 * ({@code adaptiveCard/action} invokes, or {@code Action.Submit} messages from older clients) are answered with the
 * card that replaces the clicked one. Installs and first contacts leave a conversation reference for proactive
 * messages.
 */
final class TeamsInbound {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsInbound.class);
    private static final Duration KEY_TTL = Duration.ofHours(1);
    static final String CARD_RESPONSE = "application/vnd.microsoft.card.adaptive";
    static final String MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message";

    /** What the HTTP request is answered with: a status and, for invokes, a JSON body. */
    record Answer(int status, JsonNode body) {
        static final Answer OK = new Answer(200, null);
    }

    private final TeamsSettings settings;
    private final ConnectorApi connector;
    private final TeamsPeople people;
    private final Conversations conversations;
    private final CommandGateway gateway;
    private final CommandRegistry registry;
    private final TeamsForms forms;
    private final TeamsApprovals approvals;
    private final PendingAnswers pending;
    private final RecentKeys recent;
    private final Executor work;
    private final Clock clock;

    TeamsInbound(TeamsSettings settings, ConnectorApi connector, TeamsPeople people, Conversations conversations,
                 CommandGateway gateway, CommandRegistry registry, TeamsForms forms, TeamsApprovals approvals,
                 PendingAnswers pending, RecentKeys recent, Executor work, Clock clock) {
        this.settings = settings;
        this.connector = connector;
        this.people = people;
        this.conversations = conversations;
        this.gateway = gateway;
        this.registry = registry;
        this.forms = forms;
        this.approvals = approvals;
        this.pending = pending;
        this.recent = recent;
        this.work = work;
        this.clock = clock;
    }

    Answer handle(InboundActivity activity) {
        String type = activity.type() == null ? "" : activity.type();
        return switch (type) {
            case "message" -> onMessage(activity);
            case "invoke" -> onInvoke(activity);
            case "conversationUpdate" -> onConversationUpdate(activity);
            case "installationUpdate" -> onInstallationUpdate(activity);
            default -> Answer.OK;
        };
    }

    // ---- messages ----

    private Answer onMessage(InboundActivity activity) {
        if (activity.id() == null || activity.fromId() == null || activity.conversationId() == null) {
            return new Answer(400, null);
        }
        if (!recent.firstSeen("msg:" + activity.id(), KEY_TTL)) {
            LOG.info("Teams resent activity {}; already handled", activity.id());
            return Answer.OK;
        }
        JsonNode value = activity.value();
        if (value.isObject() && value.has(Cards.KIND)) {
            // Action.Submit from a client without Universal Actions: the same click, answered in the thread
            String verb = value.path("verb").asText("");
            dispatch(() -> onSubmitFallback(activity, verb, value));
            return Answer.OK;
        }
        String text = MentionText.command(activity.text(), activity.entities(), activity.recipientId());
        dispatch(() -> onCommandText(activity, text));
        return Answer.OK;
    }

    private void onCommandText(InboundActivity activity, String text) {
        Optional<FormSpec> form = forms.formWithoutArguments(text);
        ThreadRef thread = TeamsThreads.conversation(activity);
        if (form.isPresent()) {
            remember(activity, null);
            ObjectNode card = forms.card(form.get(), locale(activity), Map.of(), Map.of(), null);
            send(thread, new Outgoing(CardRenderer.summary(Reply.text(form.get().formId())), card));
            return;
        }
        submit(activity, thread, identity -> Envelope.ofText(identity, thread, text, key(activity), clock.instant(),
                null, zone(activity)));
    }

    private void onSubmitFallback(InboundActivity activity, String verb, JsonNode data) {
        switch (verb) {
            case FormCards.SUBMIT -> formSubmission(activity, data, null)
                    .ifPresent(card -> send(TeamsThreads.conversation(activity), new Outgoing("", card)));
            case ApprovalCards.APPROVE, ApprovalCards.REJECT -> decide(activity, verb, data, null);
            case CardRenderer.COMMAND -> commandClick(activity, data);
            default -> LOG.debug("card submit with verb {} ignored", verb);
        }
    }

    // ---- invokes ----

    private Answer onInvoke(InboundActivity activity) {
        if (!"adaptiveCard/action".equals(activity.name())) {
            return new Answer(200, JsonNodeFactory.instance.objectNode());
        }
        if (activity.id() == null || activity.fromId() == null || activity.conversationId() == null) {
            return new Answer(400, null);
        }
        JsonNode action = activity.value().path("action");
        String verb = action.path("verb").asText("");
        JsonNode data = action.path("data");
        if (ApprovalCards.REFRESH.equals(verb)) {
            ObjectNode card = approvals.refresh(data.path("task").asText(null), activity.fromId(), locale(activity));
            return card == null ? message("") : cardAnswer(card);
        }
        if (!recent.firstSeen("invoke:" + activity.id(), KEY_TTL)) {
            // Teams repeats an invoke it thinks went unanswered; the first one is being handled
            return message(TeamsTexts.forLocale(locale(activity)).format("teams.form.working"));
        }
        return switch (verb) {
            case FormCards.RELOAD -> reload(activity, data);
            case FormCards.SUBMIT -> {
                String invokeId = activity.id();
                Optional<ObjectNode> early = formSubmission(activity, data, invokeId);
                if (early.isPresent()) {
                    yield cardAnswer(early.get());
                }
                yield pending.await(invokeId, settings.invokeWait()).map(TeamsInbound::cardAnswer)
                        .orElseGet(() -> message(TeamsTexts.forLocale(locale(activity)).format("teams.form.working")));
            }
            case ApprovalCards.APPROVE, ApprovalCards.REJECT -> {
                String task = data.path("task").asText(null);
                decide(activity, verb, data, activity.id());
                yield pending.await(activity.id(), settings.invokeWait()).map(TeamsInbound::cardAnswer)
                        .orElseGet(() -> cardAnswer(approvals.working(task, locale(activity))));
            }
            case CardRenderer.COMMAND -> {
                String line = commandClick(activity, data);
                yield message(line == null ? "" : TeamsTexts.forLocale(locale(activity)).format("teams.form.sent",
                        line));
            }
            default -> new Answer(200, JsonNodeFactory.instance.objectNode());
        };
    }

    private Answer reload(InboundActivity activity, JsonNode data) {
        Optional<FormSpec> form = forms.form(data.path("form").asText(null));
        if (form.isEmpty()) {
            return message("");
        }
        return cardAnswer(forms.card(form.get(), locale(activity), FormCards.shown(form.get(), data), Map.of(),
                null));
    }

    /**
     * Checks a form's values with the grammar (so mistakes show under their fields at once) and, when they parse,
     * hands the form to the core. Returns the card to answer with now, or empty when the core's answer is awaited.
     */
    private Optional<ObjectNode> formSubmission(InboundActivity activity, JsonNode data, String invokeId) {
        Optional<FormSpec> form = forms.form(data.path("form").asText(null));
        if (form.isEmpty()) {
            return Optional.of(new CardRenderer().render(Reply.text("?")).first());
        }
        Locale locale = locale(activity);
        ZoneId zone = zone(activity);
        Map<String, String> values = FormCards.values(form.get(), data, zone == null ? null : zone.getId());
        ParseResult<VdiRequest> parsed = registry.parseForm(form.get().formId(), values,
                new ParseContext(zone == null ? ZoneId.of("UTC") : zone, clock));
        if (parsed instanceof ParseResult.Invalid<VdiRequest> invalid) {
            return Optional.of(forms.card(form.get(), locale, FormCards.shown(form.get(), data),
                    FormCards.errors(form.get(), invalid, io.vdibot.commands.i18n.Messages.forLocale(locale)), null));
        }
        String cardId = activity.replyToId();
        ThreadRef thread = invokeId == null ? TeamsThreads.conversation(activity)
                : TeamsThreads.click(activity, "form", cardId, null);
        if (invokeId != null) {
            pending.expect(invokeId);
            forms.remember(invokeId, form.get(), FormCards.shown(form.get(), data), locale);
        }
        Runnable handOver = () -> submit(activity, thread, identity -> Envelope.ofForm(identity, thread,
                form.get().formId(), values, key(activity), clock.instant(), null, zone));
        if (invokeId == null) {
            handOver.run();
        } else {
            dispatch(handOver);
        }
        return Optional.empty();
    }

    /** Approve or Reject: typed text for the core, so the click is parsed and authorised like typing it. */
    private void decide(InboundActivity activity, String verb, JsonNode data, String invokeId) {
        String task = data.path("task").asText("");
        String reason = data.path(ApprovalCards.REASON).asText("").strip();
        String line = verb + " " + task;
        if (ApprovalCards.REJECT.equals(verb) && !reason.isEmpty()) {
            line += " reason=\"" + reason.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        ThreadRef thread = TeamsThreads.click(activity, "approval", activity.replyToId(), task);
        if (invokeId != null) {
            pending.expect(invokeId);
        }
        String text = line;
        Runnable handOver = () -> submit(activity, thread, identity -> Envelope.ofText(identity, thread, text,
                key(activity), clock.instant(), null, zone(activity)));
        if (invokeId == null) {
            handOver.run();
        } else {
            dispatch(handOver);
        }
    }

    /** A generic button: the command line it stands for, answered in the thread. */
    private String commandClick(InboundActivity activity, JsonNode data) {
        Optional<String> words = registry.find(data.path("command").asText("")).map(s -> s.wordsText());
        if (words.isEmpty()) {
            return null;
        }
        String line = words.get() + " " + data.path("value").asText("");
        ThreadRef thread = TeamsThreads.conversation(activity);
        dispatch(() -> submit(activity, thread, identity -> Envelope.ofText(identity, thread, line, key(activity),
                clock.instant(), null, zone(activity))));
        return line;
    }

    // ---- installs ----

    private Answer onConversationUpdate(InboundActivity activity) {
        String bot = activity.recipientId();
        boolean added = false;
        boolean removed = false;
        for (JsonNode member : activity.membersAdded()) {
            added |= bot != null && bot.equals(member.path("id").asText());
        }
        for (JsonNode member : activity.membersRemoved()) {
            removed |= bot != null && bot.equals(member.path("id").asText());
        }
        if (added) {
            dispatch(() -> installed(activity));
        } else if (removed) {
            dispatch(() -> conversations.forget(activity));
        }
        return Answer.OK;
    }

    private Answer onInstallationUpdate(InboundActivity activity) {
        String action = activity.action() == null ? "" : activity.action();
        if (action.startsWith("add")) {
            dispatch(() -> installed(activity));
        } else if (action.startsWith("remove")) {
            dispatch(() -> conversations.forget(activity));
        }
        return Answer.OK;
    }

    private void installed(InboundActivity activity) {
        String upn = null;
        if ("personal".equals(activity.conversationType()) && activity.fromId() != null) {
            upn = people.identify(activity).map(ChatIdentity::email).orElse(null);
        }
        conversations.remember(activity, upn);
        LOG.info("Teams app installed in a {} conversation", activity.conversationType());
    }

    // ---- handing over ----

    private interface EnvelopeFor {
        Envelope of(ChatIdentity identity);
    }

    private void submit(InboundActivity activity, ThreadRef thread, EnvelopeFor envelope) {
        Optional<ChatIdentity> identity = people.identify(activity);
        if (identity.isEmpty()) {
            send(thread, new Outgoing("", new CardRenderer().render(Reply.builder().tone(Reply.Tone.WARNING)
                    .text(TeamsTexts.forLocale(locale(activity)).format("teams.identity.unavailable")).build())
                    .first()));
            return;
        }
        remember(activity, identity.get().email());
        gateway.submit(envelope.of(identity.get()));
    }

    private void remember(InboundActivity activity, String upn) {
        conversations.remember(activity, upn);
    }

    private void send(ThreadRef thread, Outgoing message) {
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

    private void dispatch(Runnable task) {
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

    private static String key(InboundActivity activity) {
        return "teams:" + activity.id();
    }

    private static Locale locale(InboundActivity activity) {
        String tag = activity.locale();
        return tag == null || tag.isBlank() ? null : Locale.forLanguageTag(tag);
    }

    private static ZoneId zone(InboundActivity activity) {
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

    private static Answer cardAnswer(ObjectNode card) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", 200);
        body.put("type", CARD_RESPONSE);
        body.set("value", card);
        return new Answer(200, body);
    }

    private static Answer message(String text) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", 200);
        body.put("type", MESSAGE_RESPONSE);
        body.put("value", text);
        return new Answer(200, body);
    }
}
