package io.vdibot.commands.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An enum constant that the grammar spells as a lower-case word, e.g. {@code automatic} or {@code max-per-user}. */
public interface Keyword {

    String keyword();

    /** Finds the constant spelled {@code word}, ignoring case. */
    static <E extends Enum<E> & Keyword> Optional<E> find(Class<E> type, String word) {
        if (word == null) {
            return Optional.empty();
        }
        String wanted = word.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.keyword().equals(wanted)).findFirst();
    }

    /** The words the grammar accepts for {@code type}, in declaration order. */
    static <E extends Enum<E> & Keyword> List<String> words(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyword::keyword).toList();
    }
}
