package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import io.vdibot.adapters.common.CommandForms;
import io.vdibot.adapters.teams.cards.FormCards;
import io.vdibot.commands.form.FormSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The choices of a form's pickers: "Reload choices" draws the form again with the inventory of the site chosen so
 * far, keeping what the user entered. It needs Universal Actions; older clients only submit.
 */
final class TeamsChoicesHandler implements CardActionHandler {

    private final CommandForms commandForms;
    private final TeamsForms forms;

    TeamsChoicesHandler(CommandForms commandForms, TeamsForms forms) {
        this.commandForms = commandForms;
        this.forms = forms;
    }

    @Override
    public Set<String> verbs() {
        return Set.of(FormCards.RELOAD);
    }

    @Override
    public Answer onInvoke(InboundActivity activity, String verb, JsonNode data) {
        Optional<FormSpec> form = commandForms.of(data.path("form").asText(null));
        if (form.isEmpty()) {
            return Answer.message("");
        }
        // a reload lists choices too: the card itself may have been forwarded, or its author lost the permission
        return Answer.card(forms.cardFor(activity, form.get(), FormCards.shown(form.get(), data), Map.of()));
    }

    @Override
    public void onSubmit(InboundActivity activity, String verb, JsonNode data) {
        // an Action.Submit client has no card to answer with; its form keeps the choices it has
    }
}
