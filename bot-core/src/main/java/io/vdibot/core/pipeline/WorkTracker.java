package io.vdibot.core.pipeline;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests being processed and tasks running in this process, so the console can exit at end
 * of input only when nothing it started is still under way.
 */
public final class WorkTracker {

    private final AtomicInteger inFlight = new AtomicInteger();

    public void started() {
        inFlight.incrementAndGet();
    }

    public void finished() {
        inFlight.decrementAndGet();
    }

    public boolean idle() {
        return inFlight.get() == 0;
    }
}
