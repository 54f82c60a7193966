package io.vdibot.core.pipeline;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a shared pool, one piece at a time per key, in the order it was handed in: a user's commands are
 * taken (and their tasks numbered) in the order they were typed, while different users' commands still run side by
 * side.
 */
final class InOrderPerKey {

    private static final Logger LOG = LoggerFactory.getLogger(InOrderPerKey.class);

    private final Executor pool;
    /** Work waiting behind the piece that runs now, per key; a key is present while its work runs. */
    private final Map<String, Queue<Runnable>> waiting = new HashMap<>();

    InOrderPerKey(Executor pool) {
        this.pool = pool;
    }

    void execute(String key, Runnable work) {
        synchronized (waiting) {
            Queue<Runnable> queue = waiting.get(key);
            if (queue != null) {
                queue.add(work);
                return;
            }
            waiting.put(key, new ArrayDeque<>());
        }
        try {
            pool.execute(() -> drain(key, work));
        } catch (RuntimeException rejected) {
            synchronized (waiting) {
                waiting.remove(key);
            }
            throw rejected;
        }
    }

    private void drain(String key, Runnable first) {
        Runnable next = first;
        while (next != null) {
            try {
                next.run();
            } catch (RuntimeException unexpected) {
                // the work behind it must still run; the pipeline reports its own failures before they get here
                LOG.error("request work for {} failed", key, unexpected);
            }
            synchronized (waiting) {
                next = waiting.get(key).poll();
                if (next == null) {
                    waiting.remove(key);
                }
            }
        }
    }
}
