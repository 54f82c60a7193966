package io.vdibot.adapters.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keys seen recently, each forgotten after its time to live or when the table is full (oldest first). Used for
 * redeliveries, repeated activities and double clicks that must not act twice, and for signatures that must not
 * be replayed.
 */
public final class RecentKeys {

    private final Clock clock;
    private final int capacity;
    private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

    public RecentKeys(Clock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /**
     * Remembers {@code key} for {@code ttl} and tells whether it is new: {@code false} when it was already seen and
     * has not expired.
     */
    public synchronized boolean firstSeen(String key, Duration ttl) {
        Instant now = clock.instant();
        evictExpired(now);
        Instant until = expiries.get(key);
        if (until != null && until.isAfter(now)) {
            return false;
        }
        expiries.remove(key);
        expiries.put(key, now.plus(ttl));
        while (expiries.size() > capacity) {
            Iterator<String> oldest = expiries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Forgets {@code key}, e.g. when what it stood for could not be handed over and may be tried again. */
    public synchronized void forget(String key) {
        expiries.remove(key);
    }

    public synchronized int size() {
        return expiries.size();
    }

    private void evictExpired(Instant now) {
        // Insertion order is close to expiry order (the TTLs are few and fixed), so stop at the first live key.
        Iterator<Map.Entry<String, Instant>> it = expiries.entrySet().iterator();
        int checked = 0;
        while (it.hasNext() && checked++ < 64) {
            if (it.next().getValue().isAfter(now)) {
                break;
            }
            it.remove();
        }
    }
}
