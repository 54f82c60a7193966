package io.vdibot.persistence.task;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The user-visible task id: {@code T} followed by the numeric id, e.g. {@code T1042}. */
public final class TaskCodes {

    private static final Pattern CODE = Pattern.compile("[Tt]([0-9]{1,18})");

    private TaskCodes() {
    }

    public static String format(long id) {
        return "T" + id;
    }

    /** Accepts {@code T1042} and {@code t1042}, surrounding blanks ignored; anything else is empty. */
    public static OptionalLong parse(String code) {
        if (code == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = CODE.matcher(code.strip());
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }
}
