package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Card clicks waiting for the core's answer. An {@code adaptiveCard/action} invoke is answered with the card that
 * replaces the clicked one; the core answers asynchronously, so the invoke waits a few seconds for it. An answer that
 * comes later finds nobody waiting, and the notifier updates the card through the connector instead.
 */
final class PendingAnswers {

    private final Map<String, CompletableFuture<ObjectNode>> waiting = new ConcurrentHashMap<>();

    void expect(String key) {
        waiting.put(key, new CompletableFuture<>());
    }

    /** The answer, or empty after {@code timeout} (after which a late answer is not taken here). */
    Optional<ObjectNode> await(String key, Duration timeout) {
        CompletableFuture<ObjectNode> future = waiting.get(key);
        if (future == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            if (waiting.remove(key, future)) {
                return Optional.empty();
            }
            return Optional.of(future.join()); // completed in the meantime
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waiting.remove(key, future);
            return Optional.empty();
        } catch (ExecutionException e) {
            waiting.remove(key, future);
            return Optional.empty();
        } finally {
            waiting.remove(key, future);
        }
    }

    /** Hands the answer to the waiting invoke; false when nobody waits for it any more. */
    boolean complete(String key, ObjectNode card) {
        if (key == null) {
            return false;
        }
        CompletableFuture<ObjectNode> future = waiting.remove(key);
        return future != null && future.complete(card);
    }
}
