package io.vdibot.adapters.slack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message edits ({@code chat.update}), coalesced and paced. Only the latest content of each message is kept, a
 * message is edited at most once per interval, and the workspace-wide budget of {@code chat.update} (Tier 3, about
 * 50 a minute) is shared by all messages. A {@code 429} pauses every edit for its {@code Retry-After} and keeps the
 * content, so the last word always arrives.
 */
final class UpdateQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateQueue.class);
    private static final long TICK_MILLIS = 50;

    private final SlackApi api;
    private final long intervalNanos;
    private final double tokensPerNano;
    private final double capacity;
    private final ScheduledExecutorService timer;
    private final LinkedHashMap<Key, Rendered> pending = new LinkedHashMap<>();
    private final Map<Key, Long> lastSent = new HashMap<>();
    private double tokens;
    private long refilledAt;
    private long pausedUntil;
    private boolean sending;

    UpdateQueue(SlackApi api, Duration interval, int perMinute) {
        this.api = Objects.requireNonNull(api, "api");
        this.intervalNanos = interval.toNanos();
        this.tokensPerNano = perMinute / 60e9;
        // a short burst is fine; the sustained rate is what Slack counts
        this.capacity = Math.max(1, Math.min(10, perMinute / 6.0));
        this.tokens = capacity;
        this.refilledAt = System.nanoTime();
        this.pausedUntil = refilledAt;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "slack-updates");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::drain, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Replaces whatever edit of this message is still waiting. */
    synchronized void submit(String channel, String ts, Rendered content) {
        Key key = new Key(channel, ts);
        pending.remove(key);
        pending.put(key, content);
    }

    /** Waits until every edit submitted so far was sent or given up; for shutdown and tests. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (pending.isEmpty() && !sending) {
                    return true;
                }
            }
            Thread.sleep(TICK_MILLIS);
        }
        return false;
    }

    synchronized int waiting() {
        return pending.size();
    }

    private void drain() {
        try {
            while (true) {
                Key key;
                Rendered content;
                synchronized (this) {
                    long now = System.nanoTime();
                    refill(now);
                    if (now < pausedUntil || tokens < 1) {
                        return;
                    }
                    Map.Entry<Key, Rendered> due = nextDue(now);
                    if (due == null) {
                        return;
                    }
                    key = due.getKey();
                    content = due.getValue();
                    pending.remove(key);
                    tokens -= 1;
                    sending = true;
                }
                send(key, content);
            }
        } catch (RuntimeException unexpected) {
            LOG.warn("message edits: {}", unexpected.toString());
        }
    }

    private void send(Key key, Rendered content) {
        try {
            api.updateOnce(key.channel(), key.ts(), content.text(), content.blocks());
            synchronized (this) {
                lastSent.put(key, System.nanoTime());
                sending = false;
            }
        } catch (SlackRateLimitedException limited) {
            LOG.info("chat.update rate limited; pausing edits for {} s", limited.retryAfter().toSeconds());
            api.pausedForRateLimit(limited.retryAfter());
            synchronized (this) {
                pausedUntil = System.nanoTime() + limited.retryAfter().toNanos();
                // a newer edit of the same message may have arrived meanwhile; it wins
                pending.putIfAbsent(key, content);
                sending = false;
            }
        } catch (SlackCallException failed) {
            LOG.warn("could not edit message {} in {}: {}", key.ts(), key.channel(), failed.error());
            synchronized (this) {
                lastSent.put(key, System.nanoTime());
                sending = false;
            }
        }
    }

    private Map.Entry<Key, Rendered> nextDue(long now) {
        Iterator<Map.Entry<Key, Rendered>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Rendered> entry = it.next();
            Long last = lastSent.get(entry.getKey());
            if (last == null || now - last >= intervalNanos) {
                return Map.entry(entry.getKey(), entry.getValue());
            }
        }
        return null;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
        if (lastSent.size() > 10_000) {
            lastSent.entrySet().removeIf(e -> now - e.getValue() > intervalNanos);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private record Key(String channel, String ts) {
    }
}
