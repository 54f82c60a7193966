package io.vdibot.adapters.teams;

import java.util.List;
import java.util.Optional;

/**
 * Conversation references (the Bot Framework's {@code conversationReference} JSON) by key, so the bot can write
 * first — on-call notices, the approvers' channel — also after a restart. Stored when the app is installed or first
 * spoken to; the core keeps them in MariaDB.
 *
 * <p>Keys: {@code conversation:<id>} for every conversation, {@code user:<AAD object id>} and {@code upn:<upn>} for a
 * user's personal chat with the bot, {@code team:<team id>} for a team's General channel.
 */
public interface ConversationStore {

    void save(String key, String referenceJson);

    Optional<String> find(String key);

    /** Any stored reference, for its service URL and tenant when opening a new chat. */
    List<String> all();

    void delete(String key);
}
