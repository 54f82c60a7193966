package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.common.CommandForms;
import io.vdibot.adapters.teams.cards.CardRenderer;
import io.vdibot.adapters.teams.cards.FormCards;
import io.vdibot.adapters.teams.connector.Outgoing;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.ParseContext;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.VdiRequest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Submitted form cards. The values are checked with the grammar at once, so mistakes show under their fields on the
 * answered card; a form that parses is handed to the core, whose answer (the status card, or a refusal on the form)
 * replaces the card.
 */
final class TeamsFormSubmissionHandler implements CardActionHandler {

    private final CommandRegistry registry;
    private final CommandForms commandForms;
    private final TeamsForms forms;
    private final PendingAnswers pending;
    private final TeamsSettings settings;
    private final TeamsHandOver handOver;
    private final Clock clock;

    TeamsFormSubmissionHandler(CommandRegistry registry, CommandForms commandForms, TeamsForms forms,
                               PendingAnswers pending, TeamsSettings settings, TeamsHandOver handOver, Clock clock) {
        this.registry = registry;
        this.commandForms = commandForms;
        this.forms = forms;
        this.pending = pending;
        this.settings = settings;
        this.handOver = handOver;
        this.clock = clock;
    }

    @Override
    public Set<String> verbs() {
        return Set.of(FormCards.SUBMIT);
    }

    @Override
    public Answer onInvoke(InboundActivity activity, String verb, JsonNode data) {
        String invokeId = activity.id();
        Optional<ObjectNode> early = submit(activity, data, invokeId);
        if (early.isPresent()) {
            return Answer.card(early.get());
        }
        return pending.await(invokeId, settings.invokeWait()).map(Answer::card).orElseGet(() -> Answer.message(
                TeamsTexts.forLocale(TeamsHandOver.locale(activity)).format("teams.form.working")));
    }

    @Override
    public void onSubmit(InboundActivity activity, String verb, JsonNode data) {
        submit(activity, data, null).ifPresent(card -> handOver.send(TeamsThreads.conversation(activity),
                new Outgoing("", card)));
    }

    /**
     * Checks a form's values and, when they parse, hands the form to the core. Returns the card to answer with now,
     * or empty when the core's answer is awaited ({@code invokeId}) or comes in the thread.
     */
    private Optional<ObjectNode> submit(InboundActivity activity, JsonNode data, String invokeId) {
        Optional<FormSpec> form = commandForms.of(data.path("form").asText(null));
        if (form.isEmpty()) {
            return Optional.of(new CardRenderer().render(Reply.text("?")).first());
        }
        // The form is drawn again (with mistakes, or with the core's answer) and lists choices: nothing of it is for
        // someone who may not use its command. The core would refuse them in the same words.
        Optional<ObjectNode> refused = forms.refusal(activity, form.get());
        if (refused.isPresent()) {
            return refused;
        }
        Locale locale = TeamsHandOver.locale(activity);
        ZoneId zone = TeamsHandOver.zone(activity);
        Map<String, String> shown = FormCards.shown(form.get(), data);
        Map<String, String> values = FormCards.values(form.get(), data, zone == null ? null : zone.getId());
        ParseResult<VdiRequest> parsed = registry.parseForm(form.get().formId(), values,
                new ParseContext(zone == null ? ZoneId.of("UTC") : zone, clock));
        if (parsed instanceof ParseResult.Invalid<VdiRequest> invalid) {
            return Optional.of(forms.cardFor(activity, form.get(), shown,
                    FormCards.errors(form.get(), invalid, Messages.forLocale(locale))));
        }
        ThreadRef thread = invokeId == null ? TeamsThreads.conversation(activity)
                : TeamsThreads.click(activity, "form", activity.replyToId(), null);
        Runnable handOverForm = () -> handOver.submit(activity, thread, identity -> Envelope.ofForm(identity, thread,
                form.get().formId(), values, TeamsHandOver.key(activity), handOver.now(), null, zone));
        if (invokeId == null) {
            handOverForm.run();
        } else {
            pending.expect(invokeId);
            forms.remember(invokeId, form.get(), shown, locale);
            handOver.later(handOverForm);
        }
        return Optional.empty();
    }
}
