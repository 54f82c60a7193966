package io.vdibot.commands.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message not yet put into words: its key and arguments, to be said in whichever language its reader has. A task's
 * summary is said to its requester in theirs and to the on-call people in the on-call language.
 */
public record Text(String key, List<Object> args) {

    public Text {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /** This message in the language of {@code messages}. */
    public String in(Messages messages) {
        return messages.format(key, args.toArray());
    }
}
