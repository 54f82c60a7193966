package io.vdibot.core.notify;

import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.reply.Reply;
import io.vdibot.persistence.task.TaskRecord;
import java.util.List;
import java.util.Locale;

/**
 * Completion and failure notices for the on-call people: the task id, what happened and where, in the language of
 * their channel ({@link OnCallLanguages}), never mixed with the requester's. A summary or reason that exists only in
 * the requester's words (an engine's explanation, a free text) is replaced, in another language, by where to read it.
 */
public final class OnCallNotices {

    private final Notifiers notifiers;
    private final Locale taskFallback;

    /**
     * @param notifiers    how to reach the on-call people
     * @param taskFallback the language of a task that stored none (the bot's default locale)
     */
    public OnCallNotices(Notifiers notifiers, Locale taskFallback) {
        this.notifiers = notifiers;
        this.taskFallback = taskFallback;
    }

    public void succeeded(TaskRecord task, TaskOutcome outcome) {
        notifiers.notifyOnCall(messages -> Reply.builder().kind(Reply.Kind.NOTICE).tone(Reply.Tone.SUCCESS)
                .text(messages.format("reply.oncall.succeeded", task.code(), task.commandId(), requester(task)))
                .text(messages.format("oncall.where", task.site(),
                        said(task, outcome.summaryText(), outcome.summary(), messages, "/vdi task " + task.code())))
                .build());
    }

    /**
     * @param reason   why, as a message when it is one (null: only {@code rendered} exists)
     * @param rendered why, in the requester's language
     */
    public void failed(TaskRecord task, Text reason, String rendered) {
        notifiers.notifyOnCall(messages -> {
            String why = said(task, reason, rendered, messages, null);
            String headline = why == null
                    ? messages.format("reply.oncall.failed-see-logs", task.code(), task.commandId(), requester(task))
                    : messages.format("reply.oncall.failed", task.code(), task.commandId(), requester(task), why);
            return Reply.builder().kind(Reply.Kind.NOTICE).tone(Reply.Tone.ERROR).text(headline)
                    .text(messages.format("oncall.where", task.site(), "/vdi logs " + task.code())).build();
        });
    }

    /**
     * The task did not run: its requester no longer holds its permission.
     *
     * @param reasonKey  the message key of the reason, said in the on-call language
     * @param reasonArgs its arguments
     */
    public void refused(TaskRecord task, String reasonKey, List<Object> reasonArgs) {
        notifiers.notifyOnCall(messages -> Reply.builder().kind(Reply.Kind.NOTICE).tone(Reply.Tone.WARNING)
                .text(messages.format(reasonKey, reasonArgs.toArray()))
                .text(messages.format("oncall.where", task.site(), "/vdi logs " + task.code())).build());
    }

    public void cancelled(TaskRecord task, String cancelledBy) {
        notifiers.notifyOnCall(messages -> Reply.builder().kind(Reply.Kind.NOTICE).tone(Reply.Tone.WARNING)
                .text(messages.format("reply.oncall.cancelled", task.code(), task.commandId(), requester(task),
                        cancelledBy))
                .text(messages.format("oncall.where", task.site(), "/vdi logs " + task.code())).build());
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
        return task.requester().displayName() != null ? task.requester().displayName()
                : task.requester().platformUserId();
    }
}
