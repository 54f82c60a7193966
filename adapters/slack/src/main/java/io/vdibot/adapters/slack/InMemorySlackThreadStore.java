package io.vdibot.adapters.slack;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Thread roots kept for the life of the process. */
public final class InMemorySlackThreadStore implements SlackThreadStore {

    private final Map<String, ThreadRoot> roots = new ConcurrentHashMap<>();

    @Override
    public Optional<ThreadRoot> find(String taskCode, String purpose) {
        return Optional.ofNullable(roots.get(taskCode + "/" + purpose));
    }

    @Override
    public void save(String taskCode, String purpose, ThreadRoot root) {
        roots.put(taskCode + "/" + purpose, root);
    }
}
