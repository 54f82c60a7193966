package io.vdibot.adapters.teams;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Card handles in memory: for tests and for a bot without a database. */
public final class InMemoryTeamsThreadStore implements TeamsThreadStore {

    private final Map<String, CardRoot> roots = new ConcurrentHashMap<>();

    @Override
    public Optional<CardRoot> find(String taskCode, String purpose) {
        return Optional.ofNullable(roots.get(taskCode + "/" + purpose));
    }

    @Override
    public void save(String taskCode, String purpose, CardRoot root) {
        roots.put(taskCode + "/" + purpose, root);
    }
}
