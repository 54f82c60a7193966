package io.vdibot.core.execution;

import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.handler.ProgressSink;
import io.vdibot.core.notify.Notifiers;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A running task's way into its thread, in the order things were said: the status message, edited in place at most
 * once per interval (chat platforms rate-limit edits per channel, and a reader gains nothing from faster updates),
 * milestones, and what the runner itself says (start, result). Everything goes through one lock, and a status line
 * still waiting for its interval is shown before anything said after it, so a thread never reads "batch 3 done"
 * before "batch 3: waiting" even though the deferred line is flushed from a timer thread.
 */
final class ThrottledProgress implements ProgressSink {

    private final ThreadRef thread;
    private final Notifiers notifiers;
    private final ScheduledExecutorService timer;
    private final long intervalNanos;
    private MessageHandle status;
    private long lastShown = Long.MIN_VALUE;
    private String pending;
    private ScheduledFuture<?> flush;

    ThrottledProgress(ThreadRef thread, Notifiers notifiers, ScheduledExecutorService timer, Duration interval) {
        this.thread = thread;
        this.notifiers = notifiers;
        this.timer = timer;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public synchronized void progress(String text) {
        long now = System.nanoTime();
        if (lastShown == Long.MIN_VALUE || now - lastShown >= intervalNanos) {
            show(text, now);
            return;
        }
        pending = text;
        if (flush == null) {
            flush = timer.schedule(this::flushPending, intervalNanos - (now - lastShown), TimeUnit.NANOSECONDS);
        }
    }

    /** Posted as a {@link Reply.Kind#MILESTONE}, after the status line said before it. */
    @Override
    public synchronized void milestone(Reply reply) {
        flushPending();
        notifiers.post(thread, new Reply(Reply.Kind.MILESTONE, reply.tone(), reply.blocks()));
    }

    /** Posts what the runner says in the thread (the start, a warning, the result), after what was said before it. */
    synchronized void say(Reply reply) {
        flushPending();
        notifiers.post(thread, reply);
    }

    /** Shows what is still waiting, e.g. right before the final result is posted. */
    synchronized void flushPending() {
        if (flush != null) {
            flush.cancel(false);
            flush = null;
        }
        if (pending != null) {
            show(pending, System.nanoTime());
        }
    }

    synchronized void close() {
        if (flush != null) {
            flush.cancel(false);
            flush = null;
        }
        pending = null;
    }

    private void show(String text, long now) {
        pending = null;
        lastShown = now;
        Reply reply = Reply.builder().kind(Reply.Kind.PROGRESS).text(text).build();
        if (status == null) {
            status = notifiers.post(thread, reply);
        } else {
            notifiers.update(status, reply);
        }
    }
}
