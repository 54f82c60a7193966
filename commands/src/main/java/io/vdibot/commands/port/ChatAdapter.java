package io.vdibot.commands.port;

import io.vdibot.commands.Platform;
import java.time.Duration;

/**
 * One chat platform plugged into the core: what it answers through, and its life cycle. The core routes every
 * reply by {@link ThreadRef#platform()} to the adapter of that platform and tells every adapter's on-call people.
 */
public interface ChatAdapter extends AutoCloseable {

    Platform platform();

    /** How the core posts into this platform's threads; available from construction, before {@link #start()}. */
    ThreadNotifier notifier();

    /** Starts receiving (sockets, listeners); an adapter served by the web server has nothing to start. */
    default void start() throws Exception {
    }

    /**
     * Waits until every message this adapter still has to send (queued edits, paced posts) is sent.
     *
     * @return false when {@code timeout} passed first
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /** Stops receiving and sending; safe to call twice. */
    @Override
    void close();
}
