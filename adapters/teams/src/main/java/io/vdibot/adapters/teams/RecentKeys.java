package io.vdibot.adapters.teams;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Activity ids seen lately. Teams sends an activity again when the bot took more than 15 s to answer, and repeats
 * invokes; the repeat is dropped here before it reaches the core (which also refuses a second task for the same
 * key, across restarts and nodes).
 */
final class RecentKeys {

    private final Clock clock;
    private final int capacity;
    private final Map<String, Long> seen;

    RecentKeys(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > RecentKeys.this.capacity;
            }
        };
    }

    /** True the first time a key is offered within {@code ttl}. */
    synchronized boolean firstSeen(String key, Duration ttl) {
        long now = clock.millis();
        Long before = seen.get(key);
        if (before != null && now - before < ttl.toMillis()) {
            return false;
        }
        seen.remove(key);
        seen.put(key, now);
        return true;
    }
}
