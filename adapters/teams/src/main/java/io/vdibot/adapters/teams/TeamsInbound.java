package io.vdibot.adapters.teams;

import io.vdibot.adapters.common.RecentKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.vdibot.adapters.teams.cards.Cards;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activities that passed authentication, each to its handler: typed commands, card clicks by verb (invokes, or
 * {@code Action.Submit} messages from older clients), installs. Messages are answered at once (Teams resends after
 * 15 s) and handled on the workers; a resent activity or repeated invoke (same id) is dropped here.
 */
final class TeamsInbound {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsInbound.class);
    private static final Duration KEY_TTL = Duration.ofHours(1);

    private final TeamsCommandHandler commands;
    private final Map<String, CardActionHandler> byVerb = new HashMap<>();
    private final TeamsInstallHandler installs;
    private final RecentKeys recent;
    private final TeamsHandOver handOver;

    TeamsInbound(TeamsCommandHandler commands, List<CardActionHandler> cardActions, TeamsInstallHandler installs,
                 RecentKeys recent, TeamsHandOver handOver) {
        this.commands = commands;
        for (CardActionHandler handler : cardActions) {
            handler.verbs().forEach(verb -> {
                if (byVerb.putIfAbsent(verb, handler) != null) {
                    throw new IllegalArgumentException("two handlers for the card action " + verb);
                }
            });
        }
        this.installs = installs;
        this.recent = recent;
        this.handOver = handOver;
    }

    Answer handle(InboundActivity activity) {
        String type = activity.type() == null ? "" : activity.type();
        return switch (type) {
            case "message" -> onMessage(activity);
            case "invoke" -> onInvoke(activity);
            case "conversationUpdate" -> installs.onConversationUpdate(activity);
            case "installationUpdate" -> installs.onInstallationUpdate(activity);
            default -> Answer.OK;
        };
    }

    private Answer onMessage(InboundActivity activity) {
        if (!complete(activity)) {
            return Answer.BAD_REQUEST;
        }
        if (!recent.firstSeen("msg:" + activity.id(), KEY_TTL)) {
            LOG.info("Teams resent activity {}; already handled", activity.id());
            return Answer.OK;
        }
        JsonNode value = activity.value();
        if (value.isObject() && value.has(Cards.KIND)) {
            String verb = value.path("verb").asText("");
            CardActionHandler handler = byVerb.get(verb);
            if (handler == null) {
                LOG.debug("card submit with verb {} ignored", verb);
            } else {
                handOver.later(() -> handler.onSubmit(activity, verb, value));
            }
            return Answer.OK;
        }
        String text = MentionText.command(activity.text(), activity.entities(), activity.recipientId());
        handOver.later(() -> commands.onText(activity, text));
        return Answer.OK;
    }

    private Answer onInvoke(InboundActivity activity) {
        if (!"adaptiveCard/action".equals(activity.name())) {
            return Answer.empty();
        }
        if (!complete(activity)) {
            return Answer.BAD_REQUEST;
        }
        JsonNode action = activity.value().path("action");
        String verb = action.path("verb").asText("");
        CardActionHandler handler = byVerb.get(verb);
        if (handler == null) {
            return Answer.empty();
        }
        if (!handler.readOnly(verb) && !recent.firstSeen("invoke:" + activity.id(), KEY_TTL)) {
            // Teams repeats an invoke it thinks went unanswered; the first one is being handled
            return Answer.message(TeamsTexts.forLocale(TeamsHandOver.locale(activity)).format("teams.form.working"));
        }
        return handler.onInvoke(activity, verb, action.path("data"));
    }

    private static boolean complete(InboundActivity activity) {
        return activity.id() != null && activity.fromId() != null && activity.conversationId() != null;
    }
}
