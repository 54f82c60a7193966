package io.vdibot.core.teams;

import io.vdibot.adapters.teams.ConversationStore;
import io.vdibot.commands.Platform;
import io.vdibot.persistence.conversation.ConversationRef;
import io.vdibot.persistence.conversation.ConversationRefRepository;
import java.util.List;
import java.util.Optional;

/** Teams conversation references in {@code conversation_ref}, so proactive notices work after a restart. */
public final class DatabaseConversationStore implements ConversationStore {

    private final ConversationRefRepository references;

    public DatabaseConversationStore(ConversationRefRepository references) {
        this.references = references;
    }

    @Override
    public void save(String key, String referenceJson) {
        references.upsert(Platform.TEAMS, key, referenceJson);
    }

    @Override
    public Optional<String> find(String key) {
        return references.find(Platform.TEAMS, key).map(ConversationRef::referenceJson);
    }

    @Override
    public List<String> all() {
        return references.listByPlatform(Platform.TEAMS).stream().map(ConversationRef::referenceJson).toList();
    }

    @Override
    public void delete(String key) {
        references.delete(Platform.TEAMS, key);
    }
}
