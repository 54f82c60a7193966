package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.common.CommandForms;
import io.vdibot.adapters.teams.cards.CardRenderer;
import io.vdibot.adapters.teams.cards.FormCards;
import io.vdibot.adapters.teams.connector.ConnectorApi;
import io.vdibot.adapters.teams.connector.ConnectorException;
import io.vdibot.adapters.teams.connector.Outgoing;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.form.OptionsSource;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forms as Adaptive Cards: drawn with pickers from the inventory (bounded in time, since a cold cache must not make
 * the invoke late), drawn again with the mistakes of a submission, and with the core's answer when the core refused
 * what parsing accepted (unknown template). A form is drawn for an activity's author only when {@link TeamsFormGate}
 * lets them through; anyone else gets a card with the one line that says why, and no choices.
 */
final class TeamsForms {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsForms.class);
    private static final int MAX_OPTIONS = 100;
    private static final Duration LOOKUP_TIME = Duration.ofSeconds(3);

    private final CommandForms commandForms;
    private final TeamsFormGate gate;
    private final InventoryLookup inventory;
    private final ConnectorApi connector;
    private final PendingAnswers pending;
    private final Executor lookups;
    private final FormCards cards = new FormCards();
    /** The form and values behind each submission still expecting an answer, by invoke id. */
    private final Map<String, Submitted> submissions = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Submitted> eldest) {
            return size() > 5_000;
        }
    };

    record Submitted(String formId, Map<String, String> values, Locale locale) {
    }

    TeamsForms(CommandForms commandForms, TeamsFormGate gate, InventoryLookup inventory, ConnectorApi connector,
               PendingAnswers pending, Executor lookups) {
        this.commandForms = commandForms;
        this.gate = gate;
        this.inventory = inventory;
        this.connector = connector;
        this.pending = pending;
        this.lookups = lookups;
    }

    /** The empty form for the author of {@code activity}, as a message; or the line that says why not. */
    Outgoing formFor(InboundActivity activity, FormSpec form) {
        Optional<String> refusal = gate.refusal(activity, form.formId());
        if (refusal.isPresent()) {
            return refusalMessage(refusal.get());
        }
        return new Outgoing(CardRenderer.summary(Reply.text(form.formId())),
                card(form, TeamsHandOver.locale(activity), Map.of(), Map.of(), null));
    }

    /** The form holding {@code values} and {@code errors} for the author of {@code activity}; or the line. */
    ObjectNode cardFor(InboundActivity activity, FormSpec form, Map<String, String> values,
                       Map<String, String> errors) {
        return refusal(activity, form).orElseGet(() -> card(form, TeamsHandOver.locale(activity), values, errors,
                null));
    }

    /** If {@code form} is not for the author of {@code activity}: a card with the line that tells them why. */
    Optional<ObjectNode> refusal(InboundActivity activity, FormSpec form) {
        return gate.refusal(activity, form.formId()).map(line -> refusalMessage(line).card());
    }

    private static Outgoing refusalMessage(String line) {
        CardRenderer.Rendered rendered = new CardRenderer().render(Reply.refusal(line));
        return new Outgoing(rendered.summary(), rendered.first());
    }

    /** The form, with choices: only for someone {@link #refusal} let through. */
    private ObjectNode card(FormSpec form, Locale locale, Map<String, String> values, Map<String, String> errors,
                            Reply said) {
        TeamsTexts texts = TeamsTexts.forLocale(locale);
        FormCards.Labels labels = new FormCards.Labels(texts.format("teams.form.submit"),
                texts.format("teams.form.reload"), texts.format("teams.form.required"),
                texts.format("teams.form.choose"), texts.format("teams.form.yes"), texts.format("teams.form.no"),
                texts.format("teams.form.date"), texts.format("teams.form.time"));
        return cards.render(form, Messages.forLocale(locale), labels, this::options, values, errors, said);
    }

    void remember(String invokeId, FormSpec form, Map<String, String> values, Locale locale) {
        synchronized (submissions) {
            submissions.put(invokeId, new Submitted(form.formId(), Map.copyOf(values), locale));
        }
    }

    /**
     * The core refused a submitted form: the form again, with what the core said on top. Its author was let through
     * when submitting ({@link #refusal}), so the choices are theirs to see.
     */
    MessageHandle answer(ThreadRef click, Reply reply) throws ConnectorException {
        String key = click.extras().get(TeamsThreads.PENDING);
        Submitted submitted;
        synchronized (submissions) {
            submitted = submissions.remove(key);
        }
        Optional<FormSpec> form = submitted == null ? Optional.empty() : commandForms.of(submitted.formId());
        ObjectNode card = form.isPresent()
                ? card(form.get(), submitted.locale(), submitted.values(), Map.of(), reply)
                : new CardRenderer().render(reply).first();
        String cardId = click.extras().get(TeamsThreads.CARD);
        if (!pending.complete(key, card) && cardId != null) {
            connector.update(TeamsThreads.address(click), cardId, new Outgoing(CardRenderer.summary(reply), card));
        }
        return new MessageHandle(click, cardId == null ? "-" : cardId);
    }

    private List<String> options(OptionsSource source, String site) {
        CompletableFuture<List<String>> names = CompletableFuture.supplyAsync(() -> source.inventoryKind().isEmpty()
                ? inventory.sites()
                : inventory.names(site, source.inventoryKind().get(), "", MAX_OPTIONS), lookups);
        try {
            return names.get(LOOKUP_TIME.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            names.cancel(true);
            LOG.info("no {} choices for the form at site {}: {}", source.sourceName(), site, e.toString());
            return List.of();
        }
    }
}
