package io.vdibot.core.notify;

import io.vdibot.commands.Platform;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.ChatAdapter;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadNotifier;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes what the core says to the adapter of the thread's platform, and on-call notices to every
 * platform that is connected. A platform without an adapter in this process (a task accepted in Slack,
 * run by a node that has only the console) is logged, never lost silently.
 */
public final class Notifiers {

    private static final Logger LOG = LoggerFactory.getLogger(Notifiers.class);
    private final Map<Platform, ThreadNotifier> byPlatform = new EnumMap<>(Platform.class);
    private final OnCallLanguages onCallLanguages;

    /** @param adapters the chat platforms of this process, at most one per platform; on-call notices in English */
    public Notifiers(List<? extends ChatAdapter> adapters) {
        this(adapters, OnCallLanguages.of(Locale.ENGLISH));
    }

    /**
     * @param adapters        the chat platforms of this process, at most one per platform
     * @param onCallLanguages the language of each platform's on-call people
     */
    public Notifiers(List<? extends ChatAdapter> adapters, OnCallLanguages onCallLanguages) {
        this.onCallLanguages = onCallLanguages;
        for (ChatAdapter adapter : adapters) {
            if (byPlatform.put(adapter.platform(), adapter.notifier()) != null) {
                throw new IllegalArgumentException("two adapters for " + adapter.platform());
            }
        }
    }

    public MessageHandle post(ThreadRef thread, Reply reply) {
        ThreadNotifier notifier = notifier(thread.platform());
        if (notifier == null) {
            LOG.warn("no {} adapter in this process; not posted: {}", thread.platform(), firstLine(reply));
            return null;
        }
        return notifier.post(thread, reply);
    }

    public void update(MessageHandle handle, Reply reply) {
        if (handle == null) {
            return;
        }
        ThreadNotifier notifier = notifier(handle.thread().platform());
        if (notifier != null) {
            notifier.update(handle, reply);
        }
    }

    /** Asks the approvers of the requester's platform; a platform without an adapter here is logged. */
    public void notifyApprovers(ThreadRef requestThread, Reply question) {
        onRequesterPlatform(requestThread, "approval request of {} not posted",
                notifier -> notifier.notifyApprovers(requestThread, question));
    }

    /** Reminds the approvers of the requester's platform of a task that still waits for them. */
    public void remindApprovers(ThreadRef requestThread, Reply reminder) {
        onRequesterPlatform(requestThread, "reminder about {} not posted",
                notifier -> notifier.remindApprovers(requestThread, reminder));
    }

    /** Redraws a task's approval card, on the requester's platform, as closed (no buttons). */
    public void closeApproval(ThreadRef requestThread, Reply closed) {
        onRequesterPlatform(requestThread, "approval card of {} not closed",
                notifier -> notifier.closeApproval(requestThread, closed));
    }

    /** Redraws a task's approval card, on the requester's platform, as decided, unless the decision redrew it. */
    public void approvalDecided(ThreadRef requestThread, ThreadRef decidedIn, Reply closed) {
        onRequesterPlatform(requestThread, "approval card of {} not redrawn",
                notifier -> notifier.approvalDecided(requestThread, decidedIn, closed));
    }

    /**
     * Approval cards live on the requester's platform: {@code call} goes to its adapter, or, when this process has
     * none, a warning says what was not done ({@code notDone}, with {@code {}} for the task).
     */
    private void onRequesterPlatform(ThreadRef requestThread, String notDone, Consumer<ThreadNotifier> call) {
        ThreadNotifier notifier = notifier(requestThread.platform());
        if (notifier == null) {
            LOG.warn("no {} adapter in this process; " + notDone, requestThread.platform(),
                    requestThread.taskCode());
            return;
        }
        call.accept(notifier);
    }

    /**
     * Tells the on-call people of every connected platform, each in the language of their channel: {@code notice}
     * writes the notice in the language it is given, once per language.
     */
    public void notifyOnCall(Function<Messages, Reply> notice) {
        Map<Locale, Reply> written = new HashMap<>();
        Function<Locale, Reply> write = locale -> written.computeIfAbsent(Messages.forLocale(locale).locale(),
                supported -> notice.apply(Messages.forLocale(supported)));
        if (byPlatform.isEmpty()) {
            LOG.warn("no adapter to reach on-call people; notice: {}",
                    firstLine(write.apply(onCallLanguages.fallback())));
        }
        byPlatform.forEach((platform, n) -> n.notifyOnCall(write.apply(onCallLanguages.of(platform))));
    }

    private ThreadNotifier notifier(Platform platform) {
        return byPlatform.get(platform);
    }

    private static String firstLine(Reply reply) {
        String text = reply.plainText();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
