package io.vdibot.adapters.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockSuggestionPayload;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.BlockSuggestionContext;
import com.slack.api.bolt.request.builtin.BlockSuggestionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.vdibot.adapters.common.CommandForms;
import io.vdibot.commands.form.FormField;
import io.vdibot.commands.form.OptionsSource;
import io.vdibot.commands.port.InventoryLookup;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Options for the external selects of a form ({@code block_suggestion}), on opening and on each keystroke: names
 * from the inventory at the site chosen in the modal so far. They come back in the ack itself, so a lookup that
 * misses the deadline gives an empty list rather than a late answer.
 */
final class SlackOptionsHandler implements SlackPayloadHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackOptionsHandler.class);
    private static final Duration OPTIONS_DEADLINE = Duration.ofMillis(2000);
    /** Slack's limits: 100 options, values of 150 characters, labels of 75. */
    private static final int MAX_OPTIONS = 100;
    private static final int MAX_OPTION_VALUE = 150;
    private static final int MAX_OPTION_LABEL = 75;

    private final CommandForms forms;
    private final InventoryLookup inventory;
    private final SlackAdmissions admissions;
    private final Executor work;

    SlackOptionsHandler(CommandForms forms, InventoryLookup inventory, SlackAdmissions admissions, Executor work) {
        this.forms = forms;
        this.inventory = inventory;
        this.admissions = admissions;
        this.work = work;
    }

    @Override
    public void register(App app) {
        // every select of every form: the field is found from the modal's form and the action id
        app.blockSuggestion(Pattern.compile("^.+$"), this::onOptions);
    }

    Response onOptions(BlockSuggestionRequest request, BlockSuggestionContext ctx) {
        BlockSuggestionPayload p = request.getPayload();
        View view = p.getView();
        FormModals.FormContext context = view == null ? null : FormModals.FormContext.parse(view.getPrivateMetadata());
        Optional<FormField> field = context == null ? Optional.empty()
                : forms.of(context.formId()).flatMap(f -> f.field(p.getActionId()));
        if (field.isEmpty() || field.get().optionsSource() == null) {
            return ctx.ack(r -> r.options(List.of()));
        }
        String prefix = p.getValue() == null ? "" : p.getValue().strip();
        String site = FormModals.selected(view.getState(), field.get().siteField());
        String user = p.getUser() == null ? null : p.getUser().getId();
        List<String> names = user == null ? List.of()
                : lookUp(user, context.formId(), field.get().optionsSource(), site, prefix);
        List<Option> options = names.stream().filter(n -> n.length() <= MAX_OPTION_VALUE).limit(MAX_OPTIONS)
                .map(n -> new Option(BlockKitRenderer.plain(BlockKitRenderer.cut(n, MAX_OPTION_LABEL)), n)).toList();
        return ctx.ack(r -> r.options(options));
    }

    /**
     * Picker options, only for someone who may use the form's command: inventory names are not for guests, people
     * unknown to the directory, or anyone without the command's permission. The inventory, the people and the
     * directory are cached, but a cold cache must not make Slack's 3 s ack late.
     */
    private List<String> lookUp(String user, String formId, OptionsSource source, String site, String prefix) {
        CompletableFuture<List<String>> names = CompletableFuture.supplyAsync(() -> {
            if (!admissions.admit(user, formId).admitted()) {
                return List.of();
            }
            if (source.inventoryKind().isEmpty()) {
                String lower = prefix.toLowerCase(Locale.ROOT);
                return inventory.sites().stream().filter(s -> s.toLowerCase(Locale.ROOT).startsWith(lower)).toList();
            }
            return inventory.names(site, source.inventoryKind().get(), prefix, MAX_OPTIONS);
        }, work);
        try {
            return names.get(OPTIONS_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // left running: it warms the cache, so the user's next keystroke finds the names
            LOG.info("options for {} at {} not ready in time: {}", source.sourceName(), site, e.toString());
            return List.of();
        }
    }
}
