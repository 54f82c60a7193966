package io.vdibot.adapters.teams.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.commands.form.FieldKind;
import io.vdibot.commands.form.FormField;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.form.OptionsSource;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.reply.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A command's {@link FormSpec} as an Adaptive Card: one input per field (labels from the commands bundle), pickers
 * filled from the inventory of the site chosen in the form, submitted with {@code Action.Execute} (verb
 * {@value #SUBMIT}) and an {@code Action.Submit} fallback. "Reload choices" ({@value #RELOAD}) redraws the card with
 * what was typed, so pickers follow a newly chosen site. Mistakes are shown on the card: each under its field, and
 * anything the core said at the top.
 */
public final class FormCards {

    public static final String FORM = "form";
    public static final String SUBMIT = "form.submit";
    public static final String RELOAD = "form.reload";
    public static final String GENERAL = "";
    static final String DATE_SUFFIX = "__date";
    static final String TIME_SUFFIX = "__time";

    /** The words the card needs besides the commands bundle. */
    public record Labels(String submit, String reload, String required, String choose, String yes, String no,
                         String date, String time) {
    }

    /**
     * @param options  names for a select: (source, site or {@code null} for the default site) → names
     * @param values   what the form holds already (field name → text)
     * @param errors   mistakes by field name
     * @param said     what the core answered to the last submission, shown on top; {@code null} for none
     */
    public ObjectNode render(FormSpec form, Messages messages, Labels labels,
                             BiFunction<OptionsSource, String, List<String>> options, Map<String, String> values,
                             Map<String, String> errors, Reply said) {
        ObjectNode card = Cards.card();
        ArrayNode body = Cards.body(card);
        body.add(Cards.text(messages.format(form.titleKey()), "Bolder", "Medium", null, null));
        if (errors.containsKey(GENERAL)) {
            body.add(Cards.text(errors.get(GENERAL), null, null, "Attention", null));
        }
        if (said != null) {
            ArrayNode top = CardRenderer.container(card, said.tone());
            new CardRenderer().render(said).first().get("body").get(0).get("items").forEach(top::add);
        }
        for (FormField field : form.fields()) {
            String label = messages.format(field.labelKey());
            String value = values.get(field.name());
            switch (field.kind()) {
                case DATETIME -> dateTime(body, field, label, value, labels);
                default -> body.add(input(field, label, value, labels, options, values));
            }
            String error = errors.get(field.name());
            if (error != null) {
                body.add(Cards.text(error, null, "Small", "Attention", null).put("spacing", "None"));
            }
        }
        ObjectNode data = Cards.data(FORM);
        data.put("form", form.formId());
        ArrayNode actions = card.putArray("actions");
        actions.add(Cards.execute(labels.submit(), SUBMIT, data, "positive", true));
        actions.add(Cards.execute(labels.reload(), RELOAD, data, null, true));
        return card;
    }

    private static ObjectNode input(FormField field, String label, String value, Labels labels,
                                    BiFunction<OptionsSource, String, List<String>> options,
                                    Map<String, String> values) {
        ObjectNode input = Cards.object();
        input.put("id", field.name());
        input.put("label", label);
        input.put("isRequired", field.required());
        if (field.required()) {
            input.put("errorMessage", labels.required());
        }
        switch (field.kind()) {
            case TEXT -> input.put("type", "Input.Text");
            case LONG_TEXT -> {
                input.put("type", "Input.Text");
                input.put("isMultiline", true);
            }
            case NUMBER -> input.put("type", "Input.Number");
            case BOOLEAN -> {
                input.put("type", "Input.ChoiceSet");
                input.put("style", "compact");
                input.put("placeholder", labels.choose());
                ArrayNode choices = input.putArray("choices");
                choice(choices, labels.yes(), "true");
                choice(choices, labels.no(), "false");
            }
            case SELECT -> {
                List<String> names = field.optionsSource() != null
                        ? options.apply(field.optionsSource(), field.siteField() == null ? null
                                : blankToNull(values.get(field.siteField())))
                        : field.choices();
                if (names.isEmpty() && field.optionsSource() != null) {
                    // nothing to pick from (engine unreachable, empty site): let the name be typed
                    input.put("type", "Input.Text");
                } else {
                    input.put("type", "Input.ChoiceSet");
                    // filtered: a searchable list, as long pickers need
                    input.put("style", "filtered");
                    input.put("placeholder", labels.choose());
                    ArrayNode choices = input.putArray("choices");
                    names.forEach(n -> choice(choices, n, n));
                }
            }
            case DATETIME -> throw new IllegalStateException("date-time fields have two inputs");
        }
        if (value != null && !value.isBlank()) {
            input.put("value", value);
        }
        return input;
    }

    private static void dateTime(ArrayNode body, FormField field, String label, String value, Labels labels) {
        String[] parts = value == null ? new String[0] : value.trim().split("\\s+");
        ObjectNode date = body.addObject();
        date.put("type", "Input.Date");
        date.put("id", field.name() + DATE_SUFFIX);
        date.put("label", label + " — " + labels.date());
        if (parts.length > 0 && parts[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
            date.put("value", parts[0]);
        }
        ObjectNode time = body.addObject();
        time.put("type", "Input.Time");
        time.put("id", field.name() + TIME_SUFFIX);
        time.put("label", labels.time());
        if (parts.length > 1 && parts[1].matches("\\d{2}:\\d{2}")) {
            time.put("value", parts[1]);
        }
    }

    private static void choice(ArrayNode choices, String title, String value) {
        ObjectNode choice = choices.addObject();
        choice.put("title", title);
        choice.put("value", value);
    }

    /**
     * The submitted values by field name, as the grammar reads them: blanks left out (the default applies), a date
     * and a time joined into WHEN text with the user's zone when Teams told it.
     */
    public static Map<String, String> values(FormSpec form, JsonNode data, String zone) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            if (field.kind() == FieldKind.DATETIME) {
                String date = text(data, field.name() + DATE_SUFFIX);
                String time = text(data, field.name() + TIME_SUFFIX);
                if (date != null) {
                    String when = date + " " + (time != null ? time : "00:00") + (zone != null ? " " + zone : "");
                    values.put(field.name(), when);
                }
                continue;
            }
            String value = text(data, field.name());
            if (value != null) {
                values.put(field.name(), value);
            }
        }
        return values;
    }

    /** What a redrawn card shows again: the same as {@link #values}, without the zone. */
    public static Map<String, String> shown(FormSpec form, JsonNode data) {
        return values(form, data, null);
    }

    private static String text(JsonNode data, String key) {
        JsonNode node = data == null ? null : data.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.asText().trim();
        return value.isEmpty() ? null : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The mistakes of a submission by field; a mistake about something that is not a field of the form (the date
     * and time of {@code at} together, the command as a whole) goes under {@link #GENERAL}, shown at the top.
     */
    public static Map<String, String> errors(FormSpec form, ParseResult.Invalid<?> invalid, Messages messages) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : invalid.errors()) {
            String field = form.field(error.field()).isPresent() ? error.field() : GENERAL;
            byField.merge(field, messages.format(error), (a, b) -> a + " " + b);
        }
        return byField;
    }
}
