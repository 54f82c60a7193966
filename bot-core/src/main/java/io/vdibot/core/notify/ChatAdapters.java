package io.vdibot.core.notify;

import io.vdibot.commands.port.ChatAdapter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts every chat adapter once the application is ready (Slack's Socket Mode dials out then) and closes them on
 * shutdown. Their notifiers serve the core from construction on, so a task that fires at start-up can post before
 * any adapter receives.
 */
public final class ChatAdapters implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAdapters.class);

    private final List<? extends ChatAdapter> adapters;
    private volatile boolean running;

    public ChatAdapters(List<? extends ChatAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    @Override
    public void start() {
        for (ChatAdapter adapter : adapters) {
            try {
                adapter.start();
            } catch (Exception e) {
                throw new IllegalStateException("the " + adapter.platform() + " adapter could not start: "
                        + e.getMessage(), e);
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        for (ChatAdapter adapter : adapters) {
            try {
                adapter.close();
            } catch (RuntimeException e) {
                LOG.warn("the {} adapter did not close cleanly: {}", adapter.platform(), e.getMessage());
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
