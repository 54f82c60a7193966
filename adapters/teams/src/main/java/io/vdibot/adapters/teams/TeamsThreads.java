package io.vdibot.adapters.teams;

import io.vdibot.adapters.teams.connector.Address;
import io.vdibot.commands.Platform;
import io.vdibot.commands.port.ThreadRef;
import java.util.HashMap;
import java.util.Map;

/**
 * How the adapter marks the threads it hands to the core, in {@link ThreadRef#extras()}: the channel service and
 * tenant to post there again (also after a restart), who asked, and, for a click on a card, which card and which
 * waiting invoke the answer belongs to. The core passes them back untouched (setting {@link ThreadRef#taskCode()}
 * once a task exists). The channel id is the conversation without its reply-chain suffix; the thread id is a channel
 * thread's root.
 */
final class TeamsThreads {

    static final String SERVICE_URL = "serviceUrl";
    static final String TENANT = "tenant";
    static final String USER = "user";
    /** {@code form} or {@code approval}: the answer belongs to a click on that kind of card. */
    static final String CLICK = "click";
    /** The clicked card's activity id. */
    static final String CARD = "card";
    /** The invoke waiting for the answer (its activity id). */
    static final String PENDING = "pending";
    /** The task an approval click decides. */
    static final String DECIDES = "decides";
    static final String MESSAGE_ID = ";messageid=";

    private TeamsThreads() {
    }

    static ThreadRef conversation(InboundActivity activity) {
        return ThreadRef.of(Platform.TEAMS, base(activity.conversationId()), rootOf(activity), base(activity));
    }

    static ThreadRef click(InboundActivity activity, String kind, String cardId, String decides) {
        Map<String, String> extras = base(activity);
        extras.put(CLICK, kind);
        if (cardId != null) {
            extras.put(CARD, cardId);
        }
        extras.put(PENDING, activity.id());
        if (decides != null) {
            extras.put(DECIDES, decides);
        }
        return ThreadRef.of(Platform.TEAMS, base(activity.conversationId()), rootOf(activity), extras);
    }

    /** Where to post in this thread: the conversation, inside the reply chain when there is one. */
    static Address address(ThreadRef thread) {
        String conversation = thread.threadId() == null ? thread.channelId()
                : thread.channelId() + MESSAGE_ID + thread.threadId();
        return new Address(thread.extras().get(SERVICE_URL), conversation, thread.extras().get(TENANT));
    }

    static String base(String conversationId) {
        int cut = conversationId.indexOf(MESSAGE_ID);
        return cut < 0 ? conversationId : conversationId.substring(0, cut);
    }

    private static String rootOf(InboundActivity activity) {
        String conversation = activity.conversationId();
        int cut = conversation.indexOf(MESSAGE_ID);
        if (cut >= 0) {
            return conversation.substring(cut + MESSAGE_ID.length());
        }
        // a new post in a channel is the root of its own thread
        return activity.isChannel() ? activity.id() : null;
    }

    private static Map<String, String> base(InboundActivity activity) {
        Map<String, String> extras = new HashMap<>();
        extras.put(SERVICE_URL, activity.serviceUrl());
        if (activity.tenantId() != null) {
            extras.put(TENANT, activity.tenantId());
        }
        if (activity.fromId() != null) {
            extras.put(USER, activity.fromId());
        }
        return extras;
    }
}
