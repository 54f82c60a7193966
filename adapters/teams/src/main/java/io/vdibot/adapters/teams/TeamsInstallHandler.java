package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import io.vdibot.commands.port.ChatIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app added to or removed from a conversation ({@code conversationUpdate} naming the bot, or
 * {@code installationUpdate}): the conversation reference is kept for proactive messages, or forgotten.
 */
final class TeamsInstallHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsInstallHandler.class);

    private final TeamsPeople people;
    private final Conversations conversations;
    private final TeamsHandOver handOver;

    TeamsInstallHandler(TeamsPeople people, Conversations conversations, TeamsHandOver handOver) {
        this.people = people;
        this.conversations = conversations;
        this.handOver = handOver;
    }

    Answer onConversationUpdate(InboundActivity activity) {
        String bot = activity.recipientId();
        if (bot != null && names(activity.membersAdded(), bot)) {
            handOver.later(() -> installed(activity));
        } else if (bot != null && names(activity.membersRemoved(), bot)) {
            handOver.later(() -> conversations.forget(activity));
        }
        return Answer.OK;
    }

    Answer onInstallationUpdate(InboundActivity activity) {
        String action = activity.action() == null ? "" : activity.action();
        if (action.startsWith("add")) {
            handOver.later(() -> installed(activity));
        } else if (action.startsWith("remove")) {
            handOver.later(() -> conversations.forget(activity));
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

    private static boolean names(Iterable<JsonNode> members, String id) {
        for (JsonNode member : members) {
            if (id.equals(member.path("id").asText())) {
                return true;
            }
        }
        return false;
    }
}
