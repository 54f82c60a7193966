package io.vdibot.adapters.console;

import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadNotifier;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the core's answers on the console. A terminal has no threads, so every line names the thread it belongs
 * to: {@code [T1042] } for a task's thread ({@link ThreadRef#taskCode()}),
 * {@code [c3] } for the thread of console line 3, {@code [on-call] } for on-call alerts. Nothing printed can be
 * edited, so an update prints the new content as new lines under the same prefix.
 */
public final class ConsoleThreadNotifier implements ThreadNotifier {

    public static final String ON_CALL_PREFIX = "[on-call] ";

    private final ConsoleOutput out;
    private final ConsoleRenderer renderer;
    private final AtomicLong messages = new AtomicLong();

    /** Use the same {@code out} as the {@link ConsoleAdapter} so its lines and these never interleave. */
    public ConsoleThreadNotifier(ConsoleOutput out, ConsoleRenderer renderer) {
        this.out = Objects.requireNonNull(out, "out");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    @Override
    public MessageHandle post(ThreadRef thread, Reply reply) {
        out.print(prefix(thread), renderer.render(reply));
        return new MessageHandle(thread, "m" + messages.incrementAndGet());
    }

    @Override
    public void update(MessageHandle message, Reply reply) {
        out.print(prefix(message.thread()), renderer.render(reply));
    }

    /**
     * The console is the approvers' channel too: the question goes in the task's thread, and so does a reminder
     * (the default {@link #remindApprovers}), under its card.
     */
    @Override
    public void notifyApprovers(ThreadRef requestThread, Reply question) {
        out.print(prefix(requestThread), renderer.render(question));
    }

    /** Printed lines cannot change: the closed card is printed again, without its buttons. */
    @Override
    public void closeApproval(ThreadRef requestThread, Reply closed) {
        out.print(prefix(requestThread), renderer.render(closed));
    }

    @Override
    public void notifyOnCall(Reply reply) {
        out.print(ON_CALL_PREFIX, renderer.render(reply));
    }

    /** {@code [T1042] } in a task's thread, else {@code [c3] } (the thread id), else {@code [console] }. */
    public static String prefix(ThreadRef thread) {
        String task = thread.taskCode();
        String label = task != null ? task : thread.threadId() != null ? thread.threadId() : thread.channelId();
        return "[" + TerminalText.oneLine(label) + "] ";
    }
}
