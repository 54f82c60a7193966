package io.vdibot.core.notify;

import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.reply.Reply;
import io.vdibot.core.mail.OnCallMail;
import io.vdibot.core.task.LogSummary;
import io.vdibot.persistence.task.TaskLogRepository;
import io.vdibot.persistence.task.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completion and failure notices for the on-call people: the task id, what happened and where, and the summary of
 * its logs. Posted to the chat platforms' on-call targets, each in the language of its channel
 * ({@link OnCallLanguages}), and, when mail is configured, mailed to the on-call groups in each reader's language;
 * never mixed with the requester's language. A summary or reason that exists only in the requester's words (an
 * engine's explanation, a free text) is replaced, in another language, by where to read it.
 */
public final class OnCallNotices {

    private static final Logger LOG = LoggerFactory.getLogger(OnCallNotices.class);
    /** A mail subject is one line of reasonable length, whatever the first line of the notice is. */
    private static final int SUBJECT_MAX = 160;

    private final Notifiers notifiers;
    private final Locale locale;
    private final TaskLogRepository logs;
    private final Optional<OnCallMail> mail;
    private final Locale taskFallback;

    /**
     * @param locale       the language of a group's own mail address ({@code vdibot.oncall.locale}); the chat
     *                     notice takes each channel's ({@link Notifiers})
     * @param mail         empty when no mail server is configured
     * @param taskFallback the language of a task that stored none (the bot's default locale)
     */
    public OnCallNotices(Notifiers notifiers, Locale locale, TaskLogRepository logs, Optional<OnCallMail> mail,
            Locale taskFallback) {
        this.notifiers = notifiers;
        this.locale = locale;
        this.logs = logs;
        this.mail = mail;
        this.taskFallback = taskFallback;
    }

    /**
     * @param summaryText the summary as a message when it is one ({@link TaskOutcome#summaryText()}), else null
     * @param summary     the summary in the requester's language
     */
    public void succeeded(TaskRecord task, Text summaryText, String summary) {
        tell(task, Reply.Tone.SUCCESS, messages -> List.of(
                messages.format("reply.oncall.succeeded", task.code(), task.commandId(), requester(task)),
                messages.format("oncall.where", task.site(),
                        said(task, summaryText, summary, messages, "/vdi task " + task.code()))));
    }

    /**
     * @param reason   why, as a message when it is one (null: only {@code rendered} exists)
     * @param rendered why, in the requester's language
     */
    public void failed(TaskRecord task, Text reason, String rendered) {
        tell(task, Reply.Tone.ERROR, messages -> {
            String why = said(task, reason, rendered, messages, null);
            return List.of(why == null
                    ? messages.format("reply.oncall.failed-see-logs", task.code(), task.commandId(), requester(task))
                    : messages.format("reply.oncall.failed", task.code(), task.commandId(), requester(task), why),
                    messages.format("oncall.where", task.site(), "/vdi logs " + task.code()));
        });
    }

    /**
     * The task did not run: its requester no longer holds its permission.
     *
     * @param reasonKey  the message key of the reason, said in the reader's language
     * @param reasonArgs its arguments
     */
    public void refused(TaskRecord task, String reasonKey, List<Object> reasonArgs) {
        tell(task, Reply.Tone.WARNING, messages -> List.of(
                messages.format(reasonKey, reasonArgs.toArray()),
                messages.format("oncall.where", task.site(), "/vdi logs " + task.code())));
    }

    public void cancelled(TaskRecord task, String cancelledBy) {
        tell(task, Reply.Tone.WARNING, messages -> List.of(
                messages.format("reply.oncall.cancelled", task.code(), task.commandId(), requester(task),
                        cancelledBy),
                messages.format("oncall.where", task.site(), "/vdi logs " + task.code())));
    }

    /** Posts the notice in each channel's language, then queues its mail, which each reader gets in their own. */
    private void tell(TaskRecord task, Reply.Tone tone, Function<Messages, List<String>> text) {
        Optional<LogSummary> summary = logSummary(task);
        notifiers.notifyOnCall(onCall -> {
            Reply.Builder reply = Reply.builder().kind(Reply.Kind.NOTICE).tone(tone);
            text.apply(onCall).forEach(reply::text);
            summary.ifPresent(log -> log.lines(onCall).forEach(reply::text));
            return reply.build();
        });
        mail.ifPresent(m -> m.send(task.code(), locale,
                messages -> mailText(task, text.apply(messages), summary, messages)));
    }

    private static OnCallMail.MailText mailText(TaskRecord task, List<String> notice, Optional<LogSummary> summary,
            Messages messages) {
        String first = notice.get(0).strip();
        int end = first.indexOf('\n');
        String subject = end < 0 ? first : first.substring(0, end);
        if (subject.length() > SUBJECT_MAX) {
            subject = subject.substring(0, SUBJECT_MAX - 1) + "…";
        }
        List<String> body = new ArrayList<>(notice);
        summary.ifPresent(log -> {
            body.add("");
            body.addAll(log.lines(messages));
        });
        body.add("");
        body.add(messages.format("oncall.mail.footer", task.code()));
        return new OnCallMail.MailText(subject, String.join("\n", body) + "\n");
    }

    /** Read once per notice; a database that cannot answer leaves it out rather than the notice. */
    private Optional<LogSummary> logSummary(TaskRecord task) {
        try {
            return Optional.of(LogSummary.of(task.code(), logs.list(task.id())));
        } catch (RuntimeException e) {
            LOG.warn("on-call notice about {} goes without its log summary: {}", task.code(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * {@code text} in the reader's language; failing that, {@code rendered} when the requester reads the same
     * language; failing that, {@code otherwise}.
     */
    private String said(TaskRecord task, Text text, String rendered, Messages reader, String otherwise) {
        if (text != null) {
            return text.in(reader);
        }
        Locale requester = Messages.forLocale(task.locale() != null ? task.locale() : taskFallback).locale();
        return requester.equals(reader.locale()) ? rendered : otherwise;
    }

    private static String requester(TaskRecord task) {
        return task.requester().shownName();
    }
}
