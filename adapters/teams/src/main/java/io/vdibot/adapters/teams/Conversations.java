package io.vdibot.adapters.teams;

import io.vdibot.adapters.teams.connector.Address;
import io.vdibot.adapters.teams.connector.ConnectorApi;
import io.vdibot.adapters.teams.connector.ConnectorException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the bot may write first: conversation references kept when the app was installed or spoken to, looked up by
 * conversation, user or team, and the personal chat opened when a user has none stored yet. Each reference is written
 * once per process and service URL, not at every message.
 */
final class Conversations {

    private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);

    private final ConversationStore store;
    private final ConnectorApi connector;
    private final TeamsSettings settings;
    private final Map<String, String> written = new ConcurrentHashMap<>();

    Conversations(ConversationStore store, ConnectorApi connector, TeamsSettings settings) {
        this.store = store;
        this.connector = connector;
        this.settings = settings;
    }

    /** Remembers where this activity came from (its conversation, its author's personal chat, its team). */
    void remember(InboundActivity activity, String upn) {
        String reference = References.of(activity);
        String conversation = TeamsThreads.base(activity.conversationId());
        save("conversation:" + conversation, reference, activity.serviceUrl());
        if ("personal".equals(activity.conversationType())) {
            if (activity.fromAadObjectId() != null) {
                save("user:" + activity.fromAadObjectId(), reference, activity.serviceUrl());
            }
            if (upn != null) {
                save("upn:" + upn.toLowerCase(Locale.ROOT), reference, activity.serviceUrl());
            }
        }
        if (activity.teamId() != null) {
            save("team:" + activity.teamId(), reference, activity.serviceUrl());
        }
    }

    /** Forgets the conversation (the bot was removed from it). */
    void forget(InboundActivity activity) {
        String conversation = TeamsThreads.base(activity.conversationId());
        store.delete("conversation:" + conversation);
        written.remove("conversation:" + conversation);
        if ("personal".equals(activity.conversationType()) && activity.fromAadObjectId() != null) {
            store.delete("user:" + activity.fromAadObjectId());
            written.remove("user:" + activity.fromAadObjectId());
        }
        if (activity.teamId() != null) {
            store.delete("team:" + activity.teamId());
            written.remove("team:" + activity.teamId());
        }
    }

    private void save(String key, String reference, String serviceUrl) {
        if (serviceUrl.equals(written.get(key))) {
            return;
        }
        try {
            store.save(key, reference);
            written.put(key, serviceUrl);
        } catch (RuntimeException e) {
            LOG.warn("could not store the Teams conversation reference {}: {}", key, e.toString());
        }
    }

    /**
     * Where to reach a target: a conversation id ({@code 19:…}, {@code a:…}) or a person (AAD object id or UPN), whose
     * personal chat is opened when none is stored yet.
     */
    Optional<Address> reach(String target) {
        if (isConversationId(target)) {
            return channel(target);
        }
        String key = target.contains("@") ? "upn:" + target.toLowerCase(Locale.ROOT) : "user:" + target;
        Optional<Address> stored = store.find(key).flatMap(References::address);
        if (stored.isPresent() || target.contains("@")) {
            if (stored.isEmpty()) {
                LOG.warn("no Teams chat known for {}; they need to install the app or write to the bot once", target);
            }
            return stored;
        }
        Address anywhere = anyService();
        try {
            Address chat = connector.openPersonalChat(anywhere.serviceUrl(), anywhere.tenantId(), target);
            store.save(key, References.of(chat, "personal"));
            return Optional.of(chat);
        } catch (ConnectorException e) {
            LOG.warn("could not open a Teams chat with {}: {}", target, e.getMessage());
            return Optional.empty();
        }
    }

    /** A channel: its own reference if stored, else the service URL and tenant of any stored reference. */
    Optional<Address> channel(String conversationId) {
        Optional<Address> stored = store.find("conversation:" + conversationId).flatMap(References::address);
        if (stored.isPresent()) {
            return stored;
        }
        Address anywhere = anyService();
        return Optional.of(new Address(anywhere.serviceUrl(), conversationId, anywhere.tenantId()));
    }

    private Address anyService() {
        for (String reference : store.all()) {
            Optional<Address> address = References.address(reference);
            if (address.isPresent()) {
                return address.get();
            }
        }
        return new Address(settings.serviceUrl(), "-", settings.tenantId());
    }

    private static boolean isConversationId(String target) {
        return target.startsWith("19:") || target.startsWith("a:") || target.contains("@thread.");
    }
}
