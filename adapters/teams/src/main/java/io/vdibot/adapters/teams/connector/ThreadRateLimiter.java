package io.vdibot.adapters.teams.connector;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Teams' per-bot, per-thread limits on sends and edits: 7 in 1 s, 8 in 2 s, 60 in 30 s, 1800 in an hour. A caller
 * waits for its turn instead of drawing a 429; the 429 handling in {@link PacedConnectorApi} remains for the limits
 * this process cannot see (other nodes, the tenant-wide budget).
 */
public final class ThreadRateLimiter {

    private static final long[][] WINDOWS = {
            {7, 1_000}, {8, 2_000}, {60, 30_000}, {1_800, 3_600_000}};

    private final Map<String, Deque<Long>> sent = new ConcurrentHashMap<>();
    private final LongSupplier millis;
    private final PacedConnectorApi.Sleeper sleeper;

    public ThreadRateLimiter(LongSupplier millis, PacedConnectorApi.Sleeper sleeper) {
        this.millis = millis;
        this.sleeper = sleeper;
    }

    /** Blocks until one more message may go to {@code thread}, and counts it; returns the milliseconds it waited. */
    public long acquire(String thread) throws InterruptedException {
        Deque<Long> times = sent.computeIfAbsent(thread, k -> new ArrayDeque<>());
        long waited = 0;
        while (true) {
            long wait;
            synchronized (times) {
                long now = millis.getAsLong();
                wait = waitFor(times, now);
                if (wait <= 0) {
                    times.addLast(now);
                    return waited;
                }
            }
            sleeper.sleep(wait);
            waited += wait;
        }
    }

    private static long waitFor(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOWS[WINDOWS.length - 1][1]) {
            times.removeFirst();
        }
        long wait = 0;
        for (long[] window : WINDOWS) {
            int limit = (int) window[0];
            long span = window[1];
            if (times.size() >= limit) {
                // the limit-th most recent send must have left the window
                long oldestCounted = nthFromEnd(times, limit);
                wait = Math.max(wait, oldestCounted + span - now);
            }
        }
        return wait;
    }

    private static long nthFromEnd(Deque<Long> times, int n) {
        var it = times.descendingIterator();
        long value = 0;
        for (int i = 0; i < n && it.hasNext(); i++) {
            value = it.next();
        }
        return value;
    }
}
