package io.vdibot.commands.handler;

import io.vdibot.commands.i18n.Term;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Why the estate does not allow a request as it stands (template unknown, name taken, pool too small to shrink):
 * a message key with its arguments, translated only where it is shown, so checks can be tested by key.
 *
 * @param key   the message key, e.g. {@code validate.name-taken}
 * @param field the request argument to fix ({@code template}, {@code size}), or {@code null} for the request as a
 *              whole
 * @param args  the message arguments, rendered as text but for engine words ({@link Term}), which are said in the
 *              reader's language
 */
public record Violation(String key, String field, List<?> args) {

    public Violation {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Violation of(String field, String key, Object... args) {
        return new Violation(key, field,
                Arrays.stream(args).map(arg -> arg instanceof Term ? arg : String.valueOf(arg)).toList());
    }
}
