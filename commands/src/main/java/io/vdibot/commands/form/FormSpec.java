package io.vdibot.commands.form;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform-neutral form (a Slack modal, a Teams Adaptive Card) for one command. The submitted values, keyed by
 * field name, go to {@code CommandSpec.parseForm} and are checked exactly like the command line.
 *
 * @param formId   the command id, e.g. {@code pool.create}
 * @param titleKey message key of the title, {@code <command id>.title}
 * @param fields   the inputs, in display order
 */
public record FormSpec(String formId, String titleKey, List<FormField> fields) {

    public FormSpec {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(titleKey, "titleKey");
        fields = List.copyOf(fields);
    }

    public static FormSpec of(String commandId, FormField... fields) {
        return new FormSpec(commandId, commandId + ".title", List.of(fields));
    }

    public Optional<FormField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
