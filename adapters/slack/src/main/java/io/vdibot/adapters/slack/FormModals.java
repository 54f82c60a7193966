package io.vdibot.adapters.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.DatetimePickerElement;
import com.slack.api.model.block.element.ExternalSelectElement;
import com.slack.api.model.block.element.NumberInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.vdibot.commands.form.FormField;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.parse.ParseResult;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Slack modals made from the core's {@link FormSpec}s: one input block per field (block and action id = the grammar
 * key), external selects for inventory (loaded as the user types, at most 100 options), a date-time picker for the
 * run time. The submitted state goes back to field values the grammar parses exactly as typed text; mistakes become
 * the submission's ack so the modal shows them next to their fields.
 */
final class FormModals {

    static final String FORM_CALLBACK = "vdi_form";
    static final String REJECT_CALLBACK = "vdi_reject";
    static final String REASON = "reason";
    private static final int TITLE_CHARS = 24;
    private static final int LABEL_CHARS = 2000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Gson GSON = new Gson();

    /** What a form needs to know again when it is submitted, kept in the view's {@code private_metadata}. */
    record FormContext(String formId, String channel, String threadTs, String user, String zone, String locale) {

        String json() {
            JsonObject json = new JsonObject();
            json.addProperty("form", formId);
            json.addProperty("channel", channel);
            json.addProperty("thread", threadTs);
            json.addProperty("user", user);
            json.addProperty("zone", zone);
            json.addProperty("locale", locale);
            return GSON.toJson(json);
        }

        static FormContext parse(String metadata) {
            try {
                JsonObject json = GSON.fromJson(metadata, JsonObject.class);
                return new FormContext(text(json, "form"), text(json, "channel"), text(json, "thread"),
                        text(json, "user"), text(json, "zone"), text(json, "locale"));
            } catch (JsonParseException | IllegalStateException | NullPointerException e) {
                return null;
            }
        }

        ZoneId zoneId() {
            try {
                return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
            } catch (RuntimeException e) {
                return ZoneId.of("UTC");
            }
        }

        Locale localeOrNull() {
            return locale == null ? null : Locale.forLanguageTag(locale);
        }
    }

    /** Shown at once, while the trigger id is fresh; {@link #form} replaces it. */
    View loading(FormSpec form, Messages messages, SlackTexts texts) {
        return View.builder().type("modal").callbackId(FORM_CALLBACK)
                .title(title(messages.format(form.titleKey())))
                .close(ViewClose.builder().type("plain_text").text(texts.format("slack.form.close")).build())
                .blocks(List.of(SectionBlock.builder().text(BlockKitRenderer.plain(texts.format("slack.form.loading")))
                        .build()))
                .build();
    }

    View form(FormSpec form, Messages messages, SlackTexts texts, FormContext context) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (FormField field : form.fields()) {
            blocks.add(InputBlock.builder().blockId(field.name()).optional(!field.required())
                    .label(BlockKitRenderer.plain(BlockKitRenderer.cut(messages.format(field.labelKey()),
                            LABEL_CHARS)))
                    .element(element(field, texts)).build());
        }
        return View.builder().type("modal").callbackId(FORM_CALLBACK)
                .title(title(messages.format(form.titleKey())))
                .submit(ViewSubmit.builder().type("plain_text").text(texts.format("slack.form.submit")).build())
                .close(ViewClose.builder().type("plain_text").text(texts.format("slack.form.close")).build())
                .privateMetadata(context.json())
                .blocks(blocks).build();
    }

    View reject(String task, String channel, String cardTs, String user, String responseUrl, SlackTexts texts) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("task", task);
        metadata.addProperty("channel", channel);
        metadata.addProperty("card", cardTs);
        metadata.addProperty("user", user);
        metadata.addProperty("response_url", responseUrl);
        return View.builder().type("modal").callbackId(REJECT_CALLBACK)
                .title(title(texts.format("slack.reject.title", task)))
                .submit(ViewSubmit.builder().type("plain_text").text(texts.format("slack.reject.submit")).build())
                .close(ViewClose.builder().type("plain_text").text(texts.format("slack.form.close")).build())
                .privateMetadata(GSON.toJson(metadata))
                .blocks(List.of(InputBlock.builder().blockId(REASON).optional(false)
                        .label(BlockKitRenderer.plain(texts.format("slack.reject.reason")))
                        .element(PlainTextInputElement.builder().actionId(REASON).multiline(true).maxLength(500)
                                .build())
                        .build()))
                .build();
    }

    /** The submitted values by field name, as the grammar reads them; unanswered optional fields are left out. */
    Map<String, String> values(FormSpec form, ViewState state, ZoneId zone) {
        Map<String, String> values = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return values;
        }
        for (FormField field : form.fields()) {
            Map<String, ViewState.Value> block = state.getValues().get(field.name());
            ViewState.Value value = block == null ? null : block.get(field.name());
            String text = value == null ? null : text(field, value, zone);
            if (text != null && !text.isBlank()) {
                values.put(field.name(), text);
            }
        }
        return values;
    }

    /** The mistakes of a submission by block id, in the user's language; one not tied to a field goes to the first. */
    Map<String, String> errors(FormSpec form, ParseResult.Invalid<?> invalid, Messages messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        String first = form.fields().isEmpty() ? "name" : form.fields().get(0).name();
        for (FieldError error : invalid.errors()) {
            String block = form.field(error.field()).isPresent() ? error.field() : first;
            errors.merge(block, messages.format(error), (a, b) -> a + " " + b);
        }
        errors.replaceAll((block, text) -> BlockKitRenderer.cut(text, LABEL_CHARS));
        return errors;
    }

    /** The site a field's inventory options come from, as currently chosen in the open modal. */
    static String selected(ViewState state, String field) {
        if (state == null || state.getValues() == null || field == null) {
            return null;
        }
        Map<String, ViewState.Value> block = state.getValues().get(field);
        ViewState.Value value = block == null ? null : block.get(field);
        return value == null || value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
    }

    private static String text(FormField field, ViewState.Value value, ZoneId zone) {
        return switch (field.kind()) {
            case SELECT, BOOLEAN -> value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
            case DATETIME -> value.getSelectedDateTime() == null ? null
                    // the WHEN grammar with an explicit zone: the instant the user picked, in their own zone
                    : WHEN.withZone(zone).format(Instant.ofEpochSecond(value.getSelectedDateTime())) + " "
                    + zone.getId();
            case TEXT, LONG_TEXT, NUMBER -> value.getValue();
        };
    }

    private static BlockElement element(FormField field, SlackTexts texts) {
        return switch (field.kind()) {
            case TEXT -> PlainTextInputElement.builder().actionId(field.name()).build();
            case LONG_TEXT -> PlainTextInputElement.builder().actionId(field.name()).multiline(true).build();
            case NUMBER -> NumberInputElement.builder().actionId(field.name()).decimalAllowed(false).build();
            case DATETIME -> DatetimePickerElement.builder().actionId(field.name()).build();
            case BOOLEAN -> StaticSelectElement.builder().actionId(field.name())
                    .placeholder(BlockKitRenderer.plain(texts.format("slack.form.choose")))
                    .options(List.of(option(texts.format("slack.form.yes"), "true"),
                            option(texts.format("slack.form.no"), "false")))
                    .build();
            case SELECT -> field.optionsSource() != null
                    ? ExternalSelectElement.builder().actionId(field.name()).minQueryLength(0)
                    .placeholder(BlockKitRenderer.plain(texts.format("slack.form.choose"))).build()
                    : StaticSelectElement.builder().actionId(field.name())
                    .placeholder(BlockKitRenderer.plain(texts.format("slack.form.choose")))
                    .options(field.choices().stream().map(choice -> option(choice, choice)).toList()).build();
        };
    }

    static OptionObject option(String label, String value) {
        return OptionObject.builder().text(BlockKitRenderer.plain(BlockKitRenderer.cut(label, 75))).value(value)
                .build();
    }

    private static ViewTitle title(String text) {
        return ViewTitle.builder().type("plain_text").text(BlockKitRenderer.cut(text, TITLE_CHARS)).build();
    }

    private static String text(JsonObject json, String key) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsString() : null;
    }
}
