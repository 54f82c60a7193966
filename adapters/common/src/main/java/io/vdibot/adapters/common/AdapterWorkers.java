package io.vdibot.adapters.common;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads an adapter does its work on after acknowledging a request: a bounded pool of daemon threads (a full
 * queue refuses work rather than holding the ack), idle threads let go after a minute.
 */
public final class AdapterWorkers implements Executor {

    private static final long POLL_MILLIS = 10;

    private final ThreadPoolExecutor pool;
    /**
     * Work handed in and not yet finished. The pool's own active count and queue are read one after the other, so a
     * task between the queue and a thread would look like no work at all.
     */
    private final AtomicInteger unfinished = new AtomicInteger();

    public AdapterWorkers(String name, int threads, int queue) {
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queue),
                daemonThreads(name));
        this.pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        unfinished.incrementAndGet();
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    unfinished.decrementAndGet();
                }
            });
        } catch (RuntimeException refused) {
            unfinished.decrementAndGet();
            throw refused;
        }
    }

    /**
     * Waits until no work is queued or running.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unfinished.get() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** Stops at once: work still queued is dropped, running work interrupted. */
    public void shutdownNow() {
        pool.shutdownNow();
    }

    /** Daemon threads named {@code name-1}, {@code name-2}…, so the adapter never keeps the process alive. */
    public static ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
