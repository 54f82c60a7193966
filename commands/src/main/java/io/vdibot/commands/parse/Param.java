package io.vdibot.commands.parse;

import java.util.Objects;

/**
 * One argument a command accepts. Its key is the grammar key ({@code size}) and also the form field name, so a
 * positional argument such as {@code NAME} has a key too ({@code name}) and may be given as {@code name=…}.
 *
 * @param key        lower-case grammar key
 * @param required   missing it is an error
 * @param positional it may be given as a bare word, in declaration order
 * @param rest       a positional that takes all remaining bare words (only {@code help})
 */
public record Param(String key, boolean required, boolean positional, boolean rest) {

    public Param {
        Objects.requireNonNull(key, "key");
        if (rest && !positional) {
            throw new IllegalArgumentException("only a positional can take the rest of the words");
        }
    }

    public static Param positional(String key) {
        return new Param(key, true, true, false);
    }

    public static Param optionalPositional(String key) {
        return new Param(key, false, true, false);
    }

    public static Param restOfWords(String key) {
        return new Param(key, false, true, true);
    }

    public static Param required(String key) {
        return new Param(key, true, false, false);
    }

    public static Param optional(String key) {
        return new Param(key, false, false, false);
    }
}
