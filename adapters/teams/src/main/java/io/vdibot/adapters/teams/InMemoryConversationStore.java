package io.vdibot.adapters.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Conversation references in memory: for tests and for a bot without a database. */
public final class InMemoryConversationStore implements ConversationStore {

    private final Map<String, String> references = new ConcurrentHashMap<>();

    @Override
    public void save(String key, String referenceJson) {
        references.put(key, referenceJson);
    }

    @Override
    public Optional<String> find(String key) {
        return Optional.ofNullable(references.get(key));
    }

    @Override
    public List<String> all() {
        return new ArrayList<>(references.values());
    }

    @Override
    public void delete(String key) {
        references.remove(key);
    }
}
