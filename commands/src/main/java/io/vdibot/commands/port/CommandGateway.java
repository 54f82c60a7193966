package io.vdibot.commands.port;

/**
 * The way into the core, called by every adapter. The core answers later through {@link ThreadNotifier}.
 */
public interface CommandGateway {

    /**
     * Accepts a request and returns at once: Slack needs its ack within 3 s and Teams resends after 15 s, so
     * parsing, permission checks and everything slower happen after this returns. Submitting the same
     * idempotency key twice has no further effect.
     */
    void submit(Envelope envelope);
}
