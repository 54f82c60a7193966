package io.vdibot.adapters.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.vdibot.adapters.common.CommandForms;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.ParseContext;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.VdiRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Modal submissions: a command's form, and the reason for a rejection. The values are checked in the ack, so
 * mistakes show next to their fields and nothing is handed over until the form parses. A second submission of the
 * same modal (a double click on Submit) has the same view id and is dropped.
 */
final class SlackSubmissionHandler implements SlackPayloadHandler {

    private static final Gson GSON = new Gson();

    private final SlackSettings settings;
    private final CommandRegistry registry;
    private final FormModals modals;
    private final CommandForms forms;
    private final SlackHandOver handOver;
    private final Clock clock;

    SlackSubmissionHandler(SlackSettings settings, CommandRegistry registry, FormModals modals, CommandForms forms,
                           SlackHandOver handOver, Clock clock) {
        this.settings = settings;
        this.registry = registry;
        this.modals = modals;
        this.forms = forms;
        this.handOver = handOver;
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(FormModals.FORM_CALLBACK, this::onFormSubmit);
        app.viewSubmission(FormModals.REJECT_CALLBACK, this::onRejectSubmit);
    }

    Response onFormSubmit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = request.getPayload();
        View view = p.getView();
        FormModals.FormContext context = FormModals.FormContext.parse(view.getPrivateMetadata());
        Optional<FormSpec> form = context == null ? Optional.empty() : forms.of(context.formId());
        if (form.isEmpty()) {
            return ctx.ack();
        }
        Map<String, String> values = modals.values(form.get(), view.getState(), context.zoneId());
        ParseResult<VdiRequest> parsed = registry.parseForm(form.get().formId(), values,
                new ParseContext(context.zoneId(), clock));
        if (parsed instanceof ParseResult.Invalid<VdiRequest> invalid) {
            Locale locale = context.localeOrNull() != null ? context.localeOrNull() : settings.locale();
            return ctx.ackWithErrors(modals.errors(form.get(), invalid, Messages.forLocale(locale)));
        }
        String key = "slack:view:" + view.getId();
        if (handOver.firstSeen(key, SlackHandOver.KEY_TTL)) {
            String user = p.getUser().getId();
            ThreadRef thread = SlackThreads.conversation(context.channel(), context.threadTs(), user, null);
            handOver.later(() -> handOver.submitForm(user, thread, form.get().formId(), values, key));
        }
        return ctx.ack();
    }

    Response onRejectSubmit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = request.getPayload();
        View view = p.getView();
        JsonObject meta;
        try {
            meta = GSON.fromJson(view.getPrivateMetadata(), JsonObject.class);
        } catch (RuntimeException e) {
            return ctx.ack();
        }
        String task = string(meta, "task");
        String reason = textValue(view.getState(), FormModals.REASON);
        if (task == null || !ApprovalCards.isTaskCode(task)) {
            return ctx.ack();
        }
        if (reason == null || reason.isBlank()) {
            return ctx.ackWithErrors(Map.of(FormModals.REASON,
                    Messages.forLocale(settings.locale()).format("arg.empty", "reason")));
        }
        String key = "slack:view:" + view.getId();
        if (handOver.firstSeen(key, SlackHandOver.KEY_TTL)) {
            String user = p.getUser().getId();
            ThreadRef thread = SlackThreads.click(string(meta, "channel"), string(meta, "card"), user, "reject",
                    string(meta, "response_url"));
            String line = "reject " + task + " reason=" + SlackText.quoted(reason.strip());
            handOver.later(() -> handOver.submitText(user, thread, line, key));
        }
        return ctx.ack();
    }

    private static String textValue(ViewState state, String field) {
        if (state == null || state.getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = state.getValues().get(field);
        ViewState.Value value = block == null ? null : block.get(field);
        return value == null ? null : value.getValue();
    }

    private static String string(JsonObject json, String key) {
        return json != null && json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsString() : null;
    }
}
