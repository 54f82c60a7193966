package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.common.CommandForms;
import io.vdibot.adapters.teams.cards.CardRenderer;
import io.vdibot.adapters.teams.connector.Outgoing;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import java.util.Map;
import java.util.Optional;

/**
 * Commands typed in a message (the mention already stripped): the text goes to the core as it is; a command typed
 * without arguments gets its form card instead.
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
            ObjectNode card = forms.card(form.get(), TeamsHandOver.locale(activity), Map.of(), Map.of(), null);
            handOver.send(thread, new Outgoing(CardRenderer.summary(Reply.text(form.get().formId())), card));
            return;
        }
        handOver.submitText(activity, thread, text);
    }
}
