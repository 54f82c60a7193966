package io.vdibot.adapters.common;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages a task's thread hangs on (its status message, its approval card), by task and purpose, kept for the
 * life of the process: for tests and a bot without a database. Each adapter's in-memory store extends it with its
 * own kind of root.
 *
 * @param <R> what the adapter remembers of such a message
 */
public abstract class InMemoryThreadRoots<R> {

    private final Map<String, R> roots = new ConcurrentHashMap<>();

    public Optional<R> find(String taskCode, String purpose) {
        return Optional.ofNullable(roots.get(taskCode + "/" + purpose));
    }

    public void save(String taskCode, String purpose, R root) {
        roots.put(taskCode + "/" + purpose, root);
    }
}
