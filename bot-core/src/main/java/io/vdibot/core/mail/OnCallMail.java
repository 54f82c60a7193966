package io.vdibot.core.mail;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.core.directory.Directory;
import io.vdibot.core.directory.DirectoryUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails on-call notices to the on-call groups: to a group's own address from the directory when it has one (said in
 * the on-call language), otherwise to each member's address in that member's language.
 *
 * <p>Everything — directory lookups, the SMTP conversation — happens on its own sender thread: a slow or failing mail
 * server never holds up the task runner, and a notice that cannot be mailed costs one warning line, while the chat
 * notice has already gone.
 */
public final class OnCallMail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnCallMail.class);

    /** A mail as one reader reads it. */
    public record MailText(String subject, String body) {
    }

    /** One address and the language of whoever reads it. */
    record Recipient(String address, Locale locale) {
    }

    private final SmtpMailer mailer;
    private final Directory directory;
    private final List<String> groups;
    private final ExecutorService sender;

    /**
     * @param groups the on-call groups, by name
     * @param sender the thread mails are sent from; closed with this object
     */
    public OnCallMail(SmtpMailer mailer, Directory directory, List<String> groups, ExecutorService sender) {
        this.mailer = mailer;
        this.directory = directory;
        this.groups = List.copyOf(groups);
        this.sender = sender;
    }

    /**
     * Queues the notice about {@code taskCode}; returns at once.
     *
     * @param onCallLocale the language of a group's own address, and of members whose language is not known
     * @param text         the mail in a given language
     */
    public void send(String taskCode, Locale onCallLocale, Function<Messages, MailText> text) {
        try {
            sender.execute(() -> deliver(taskCode, onCallLocale, text));
        } catch (RejectedExecutionException stopping) {
            LOG.warn("on-call mail about {} not sent: the bot is stopping", taskCode);
        }
    }

    private void deliver(String taskCode, Locale onCallLocale, Function<Messages, MailText> text) {
        List<Recipient> recipients;
        try {
            recipients = recipients(onCallLocale);
        } catch (RuntimeException e) {
            LOG.warn("on-call mail about {} not sent: the directory could not name the recipients ({})", taskCode,
                    e.getMessage());
            return;
        }
        if (recipients.isEmpty()) {
            LOG.warn("on-call mail about {} not sent: the on-call groups {} have no mail address and no member with one",
                    taskCode, groups);
        }
        for (Recipient recipient : recipients) {
            MailText mail = text.apply(Messages.forLocale(recipient.locale()));
            try {
                mailer.send(recipient.address(), mail.subject(), mail.body());
            } catch (Exception e) {
                LOG.warn("on-call mail about {} to {} not sent: {}", taskCode, recipient.address(), reason(e));
            }
        }
    }

    /** Each address once: a group's own address, or its members'. */
    List<Recipient> recipients(Locale onCallLocale) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (String group : groups) {
            directory.groupMail(group).ifPresentOrElse(
                    address -> byAddress.putIfAbsent(key(address), new Recipient(address, onCallLocale)),
                    () -> {
                        for (DirectoryUser member : directory.membersOf(group)) {
                            if (!member.mail().isBlank()) {
                                byAddress.putIfAbsent(key(member.mail()),
                                        new Recipient(member.mail(), member.locale().orElse(onCallLocale)));
                            }
                        }
                    });
        }
        return List.copyOf(byAddress.values());
    }

    /** Jakarta Mail's words and, when it wraps one, the cause's ("Exception reading response (Read timed out)"). */
    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
    }

    private static String key(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    /** Lets the mails already queued go out, for a few seconds at most. */
    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        if (!sender.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
            LOG.warn("on-call mails still queued at shutdown were not sent");
            sender.shutdownNow();
        }
    }
}
