package io.vdibot.rhev.inventory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.vdibot.rhev.call.EngineException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cached list of one kind of object at one site. Readers get an immutable list that is swapped whole when a
 * load finishes, so they never see a half-loaded estate; one loader at a time, so a burst of picker requests after
 * expiry costs one engine call, not one each.
 */
final class Shelf<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Shelf.class);

    private record Loaded<T>(List<T> items, Instant at, long generation) {
    }

    private final String description;
    private final AtomicReference<Loaded<T>> current = new AtomicReference<>();
    private final AtomicLong generation = new AtomicLong();
    private final ReentrantLock loading = new ReentrantLock();
    private final Counter hits;
    private final Counter misses;

    /**
     * @param kind what the shelf holds, e.g. {@code vms}: the {@code kind} tag of {@code vdibot.inventory.cache}
     *             (reads served from the cache, {@code result} hit, or loaded from the engine, miss) and of
     *             {@code vdibot.inventory.cache.age} (how old the list served now is)
     */
    Shelf(String description, String site, String kind, MeterRegistry meters, Clock clock) {
        this.description = description;
        this.hits = cacheReads(meters, site, kind, "hit");
        this.misses = cacheReads(meters, site, kind, "miss");
        TimeGauge.builder("vdibot.inventory.cache.age", this, TimeUnit.MILLISECONDS, shelf -> shelf.ageMillis(clock))
                .description("Age of the cached list the inventory serves now")
                .tags("site", site, "kind", kind).register(meters);
    }

    private static Counter cacheReads(MeterRegistry meters, String site, String kind, String result) {
        return Counter.builder("vdibot.inventory.cache")
                .description("Inventory reads served from the cache (hit) or loaded from the engine (miss)")
                .tags("site", site, "kind", kind, "result", result).register(meters);
    }

    /**
     * The cached list while younger than {@code ttl} and not invalidated, otherwise a freshly loaded one. When
     * loading fails but an older list exists, the older list is served (pickers keep working while an engine
     * restarts); without one, the failure propagates.
     */
    List<T> get(Clock clock, Duration ttl, Supplier<List<T>> loader) {
        Loaded<T> loaded = current.get();
        if (isFresh(loaded, clock, ttl)) {
            hits.increment();
            return loaded.items();
        }
        loading.lock();
        try {
            loaded = current.get();
            if (isFresh(loaded, clock, ttl)) {
                // another reader loaded it while this one waited
                hits.increment();
                return loaded.items();
            }
            misses.increment();
            long startedIn = generation.get();
            Instant startedAt = clock.instant();
            try {
                List<T> items = List.copyOf(loader.get());
                current.set(new Loaded<>(items, startedAt, startedIn));
                return items;
            } catch (EngineException e) {
                if (loaded == null) {
                    throw e;
                }
                LOG.warn("could not reload {}, serving the list from {}: {}", description, loaded.at(),
                        e.getMessage());
                return loaded.items();
            }
        } finally {
            loading.unlock();
        }
    }

    /**
     * Loads now, whatever the age of the cached list, and fails rather than serve an older one: for an explicit
     * refresh, whose caller must learn that the engine did not answer.
     */
    List<T> reload(Clock clock, Supplier<List<T>> loader) {
        loading.lock();
        try {
            long startedIn = generation.incrementAndGet();
            Instant startedAt = clock.instant();
            List<T> items = List.copyOf(loader.get());
            current.set(new Loaded<>(items, startedAt, startedIn));
            return items;
        } finally {
            loading.unlock();
        }
    }

    /** Makes the next read load again; a load running now will not count as fresh. */
    void invalidate() {
        generation.incrementAndGet();
    }

    private double ageMillis(Clock clock) {
        Loaded<T> loaded = current.get();
        return loaded == null ? Double.NaN : clock.millis() - loaded.at().toEpochMilli();
    }

    private boolean isFresh(Loaded<T> loaded, Clock clock, Duration ttl) {
        return loaded != null && loaded.generation() == generation.get()
                && clock.instant().isBefore(loaded.at().plus(ttl));
    }
}
