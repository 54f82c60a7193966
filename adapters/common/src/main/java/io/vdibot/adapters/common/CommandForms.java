package io.vdibot.adapters.common;

import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.spec.Resolution;
import java.util.Objects;
import java.util.Optional;

/**
 * Which form to show: any command whose spec has one ({@link CommandSpec#form()}) gets it when typed without
 * arguments, so a new command with a form reaches every platform with no adapter change.
 */
public final class CommandForms {

    private final CommandRegistry registry;

    public CommandForms(CommandRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The form of a command typed without arguments, e.g. {@code pool create}. */
    public Optional<FormSpec> withoutArguments(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (registry.resolve(text) instanceof Resolution.Resolved resolved && resolved.arguments().isEmpty()
                && resolved.errors().isEmpty()) {
            return resolved.spec().form();
        }
        return Optional.empty();
    }

    /** The form of the command with id {@code commandId} (a form's id is its command's), if it has one. */
    public Optional<FormSpec> of(String commandId) {
        return commandId == null ? Optional.empty() : registry.find(commandId).flatMap(CommandSpec::form);
    }

    /** The words that name the command of {@code form}, e.g. {@code pool create}. */
    public String words(FormSpec form) {
        return registry.require(form.formId()).wordsText();
    }
}
