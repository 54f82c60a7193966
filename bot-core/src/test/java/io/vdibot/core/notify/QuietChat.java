package io.vdibot.core.notify;

import io.vdibot.commands.Platform;
import io.vdibot.commands.port.ChatAdapter;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadNotifier;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import java.time.Duration;

/**
 * A chat platform for tests that shows nothing and is always idle: a test double overrides only what it records
 * (posts, edits, on-call notices).
 */
public abstract class QuietChat implements ChatAdapter, ThreadNotifier {

    private final Platform platform;

    protected QuietChat(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public ThreadNotifier notifier() {
        return this;
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        return true;
    }

    @Override
    public void close() {
    }

    @Override
    public MessageHandle post(ThreadRef thread, Reply reply) {
        return null;
    }

    @Override
    public void update(MessageHandle message, Reply reply) {
    }

    @Override
    public void notifyApprovers(ThreadRef requestThread, Reply question) {
    }

    @Override
    public void notifyOnCall(Reply reply) {
    }
}
