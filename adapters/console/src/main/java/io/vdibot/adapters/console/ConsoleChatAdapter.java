package io.vdibot.adapters.console;

import io.vdibot.commands.Platform;
import io.vdibot.commands.port.ChatAdapter;
import io.vdibot.commands.port.ThreadNotifier;
import java.time.Duration;

/**
 * The console as the core sees every chat platform. The reading loop ({@link ConsoleAdapter}) is driven by whoever
 * owns the input stream, so there is nothing to start here; and lines are printed as they come, so there is never
 * anything left to send.
 */
public final class ConsoleChatAdapter implements ChatAdapter {

    private final ConsoleThreadNotifier notifier;

    /** Use the same {@code out} as the {@link ConsoleAdapter} so its lines and the bot's never interleave. */
    public ConsoleChatAdapter(ConsoleOutput out, ConsoleRenderer renderer) {
        this.notifier = new ConsoleThreadNotifier(out, renderer);
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public ThreadNotifier notifier() {
        return notifier;
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        return true;
    }

    @Override
    public void close() {
    }
}
