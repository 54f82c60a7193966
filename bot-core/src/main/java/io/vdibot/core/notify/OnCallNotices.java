package io.vdibot.core.notify;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.persistence.task.TaskRecord;
import java.util.List;
import java.util.Locale;

/** Completion and failure notices for the on-call people: the task id, what happened and where. */
public final class OnCallNotices {

    private final Notifiers notifiers;
    private final Locale locale;

    public OnCallNotices(Notifiers notifiers, Locale locale) {
        this.notifiers = notifiers;
        this.locale = locale;
    }

    public void succeeded(TaskRecord task, String summary) {
        Messages messages = Messages.forLocale(locale);
        notifiers.notifyOnCall(Reply.builder().kind(Reply.Kind.NOTICE).tone(Reply.Tone.SUCCESS)
                .text(messages.format("reply.oncall.succeeded", task.code(), task.commandId(), requester(task)))
                .text(messages.format("oncall.where", task.site(), summary)).build());
    }

    public void failed(TaskRecord task, String reason) {
        Messages messages = Messages.forLocale(locale);
        notifiers.notifyOnCall(Reply.builder().kind(Reply.Kind.NOTICE).tone(Reply.Tone.ERROR)
                .text(messages.format("reply.oncall.failed", task.code(), task.commandId(), requester(task), reason))
                .text(messages.format("oncall.where", task.site(), "/vdi logs " + task.code())).build());
    }

    /**
     * The task did not run: its requester no longer holds its permission.
     *
     * @param reasonKey  the message key of the reason, said in the on-call language
     * @param reasonArgs its arguments
     */
    public void refused(TaskRecord task, String reasonKey, List<Object> reasonArgs) {
        Messages messages = Messages.forLocale(locale);
        notifiers.notifyOnCall(Reply.builder().kind(Reply.Kind.NOTICE).tone(Reply.Tone.WARNING)
                .text(messages.format(reasonKey, reasonArgs.toArray()))
                .text(messages.format("oncall.where", task.site(), "/vdi logs " + task.code())).build());
    }

    public void cancelled(TaskRecord task, String cancelledBy) {
        Messages messages = Messages.forLocale(locale);
        notifiers.notifyOnCall(Reply.builder().kind(Reply.Kind.NOTICE).tone(Reply.Tone.WARNING)
                .text(messages.format("reply.oncall.cancelled", task.code(), task.commandId(), requester(task),
                        cancelledBy))
                .text(messages.format("oncall.where", task.site(), "/vdi logs " + task.code())).build());
    }

    private static String requester(TaskRecord task) {
        return task.requester().displayName() != null ? task.requester().displayName()
                : task.requester().platformUserId();
    }
}
