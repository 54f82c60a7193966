package io.vdibot.adapters.teams;

import io.vdibot.adapters.common.CommandForms;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.port.ThreadRef;
import java.util.Optional;

/**
 * Commands typed in a message (the mention already stripped): the text goes to the core as it is; a command typed
 * without arguments gets its form card instead, if its author may use the command.
 */
final class TeamsCommandHandler {

    private final CommandForms commandForms;
    private final TeamsForms forms;
    private final Conversations conversations;
    private final TeamsHandOver handOver;

    TeamsCommandHandler(CommandForms commandForms, TeamsForms forms, Conversations conversations,
                        TeamsHandOver handOver) {
        this.commandForms = commandForms;
        this.forms = forms;
        this.conversations = conversations;
        this.handOver = handOver;
    }

    /** On a worker: the form card, or the hand-over of {@code text}. */
    void onText(InboundActivity activity, String text) {
        Optional<FormSpec> form = commandForms.withoutArguments(text);
        ThreadRef thread = TeamsThreads.conversation(activity);
        if (form.isPresent()) {
            conversations.remember(activity, null);
            handOver.send(thread, forms.formFor(activity, form.get()));
            return;
        }
        handOver.submitText(activity, thread, text);
    }
}
