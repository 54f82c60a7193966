package io.vdibot.adapters.teams;

import io.vdibot.adapters.teams.connector.Address;
import io.vdibot.adapters.teams.connector.ConnectorApi;
import io.vdibot.adapters.teams.connector.ConnectorException;
import io.vdibot.adapters.teams.connector.Outgoing;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits of posted cards, coalesced: a card is edited at most once per interval and only with its latest content, so
 * a task reporting progress every second costs one edit per interval instead of one per line. The last content always
 * gets shown, and last: a card has one edit on its way at a time (an edit held up by Teams' pacing is never overtaken
 * by an older one sent from another timer thread).
 */
final class CardUpdates implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CardUpdates.class);

    private final ConnectorApi connector;
    private final long intervalMillis;
    private final ScheduledExecutorService timer;
    private final Map<String, Edit> pending = new HashMap<>();
    private final Map<String, Long> lastSent = new java.util.LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 10_000;
        }
    };
    private final Set<String> scheduled = new HashSet<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    private record Edit(Address address, Outgoing message) {
    }

    CardUpdates(ConnectorApi connector, Duration interval) {
        this.connector = connector;
        this.intervalMillis = interval.toMillis();
        AtomicInteger threads = new AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "teams-card-updates-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void submit(Address address, String activityId, Outgoing message) {
        synchronized (this) {
            pending.put(activityId, new Edit(address, message));
            if (!scheduled.add(activityId)) {
                return;
            }
            long now = System.currentTimeMillis();
            long delay = Math.max(0, lastSent.getOrDefault(activityId, Long.MIN_VALUE / 2) + intervalMillis - now);
            inFlight.incrementAndGet();
            timer.schedule(() -> flush(activityId), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends the card's latest content; the card stays scheduled until it is sent, so edits to it queue behind. */
    private void flush(String activityId) {
        try {
            Edit edit;
            synchronized (this) {
                edit = pending.remove(activityId);
            }
            if (edit != null) {
                try {
                    connector.update(edit.address(), activityId, edit.message());
                } catch (ConnectorException e) {
                    LOG.warn("could not update Teams card {}: {}", activityId, e.getMessage());
                }
            }
            synchronized (this) {
                lastSent.put(activityId, System.currentTimeMillis());
                if (pending.containsKey(activityId)) {
                    // newer content came while this edit was on its way: it goes next, after the interval
                    inFlight.incrementAndGet();
                    timer.schedule(() -> flush(activityId), intervalMillis, TimeUnit.MILLISECONDS);
                } else {
                    scheduled.remove(activityId);
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Waits until every submitted edit was sent; for shutdown and tests. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
