package io.vdibot.commands.port;

import io.vdibot.commands.Platform;

import java.util.Map;
import java.util.Objects;

/**
 * Where to answer: a conversation and, when the platform has them, a thread in it. Persisted with each task so
 * results reach the right thread after a restart; hence plain strings only.
 *
 * @param channelId the channel or conversation id
 * @param threadId  the thread (Slack {@code thread_ts}, Teams reply-chain id), {@code null} for the channel itself
 * @param taskCode  the task the thread is about (e.g. {@code T1042}), so adapters can label its lines and cards;
 *                  {@code null} before a request became a task
 * @param extras    what the adapter needs to post there again, opaque to everyone else (e.g. Teams
 *                  {@code serviceUrl} and tenant id)
 */
public record ThreadRef(Platform platform, String channelId, String threadId, String taskCode,
                        Map<String, String> extras) {

    public ThreadRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(channelId, "channelId");
        extras = Map.copyOf(extras);
    }

    public static ThreadRef of(Platform platform, String channelId, String threadId) {
        return new ThreadRef(platform, channelId, threadId, null, Map.of());
    }

    public static ThreadRef of(Platform platform, String channelId, String threadId, Map<String, String> extras) {
        return new ThreadRef(platform, channelId, threadId, null, extras);
    }

    /** The same thread, about task {@code code}. */
    public ThreadRef withTask(String code) {
        return new ThreadRef(platform, channelId, threadId, code, extras);
    }
}
