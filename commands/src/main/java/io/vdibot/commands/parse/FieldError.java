package io.vdibot.commands.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A user mistake in one argument: which argument, which message explains it, and the message arguments.
 * By convention {@code args.get(0)} is an argument name (usually {@code field}; for {@code arg.requires} the one
 * that was given), so every message can name what to fix.
 *
 * @param field the grammar key ({@code size}), the positional's name ({@code name}), {@code command} for the
 *              command words, or {@code text} for the command line as a whole
 * @param key   the message key, e.g. {@code arg.missing}
 * @param args  the message arguments, already rendered as text
 */
public record FieldError(String field, String key, List<String> args) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
