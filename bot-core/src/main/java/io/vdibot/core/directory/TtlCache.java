package io.vdibot.core.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A small map whose values expire a fixed time after they were loaded.
 *
 * <p>Loads run outside any lock, so two threads missing the same key at once may both load it; for
 * directory lookups that is cheaper than making every reader wait on a slow LDAP server.
 */
final class TtlCache<K, V> {

    /** Beyond this many keys expired entries are dropped, and if that is not enough, everything is. */
    static final int MAX_ENTRIES = 10_000;

    private record Timed<V>(V value, Instant expires) {
    }

    private final Map<K, Timed<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    TtlCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The cached value for {@code key}, or the loader's, which is then kept. Loader failures are not kept. */
    V get(K key, Supplier<V> loader) {
        Instant now = clock.instant();
        Timed<V> cached = entries.get(key);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.value();
        }
        V value = loader.get();
        if (!ttl.isZero()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.values().removeIf(t -> !now.isBefore(t.expires()));
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
            }
            entries.put(key, new Timed<>(value, now.plus(ttl)));
        }
        return value;
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
