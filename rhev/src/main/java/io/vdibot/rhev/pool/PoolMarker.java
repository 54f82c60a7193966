package io.vdibot.rhev.pool;

import java.util.regex.Pattern;

/**
 * The note the bot adds to the description of a pool it creates. It names the task, so that a task resumed after
 * a crash (or repeating a call whose answer was lost) finds the pool it created instead of creating a second one.
 */
final class PoolMarker {

    private static final String PREFIX = "created by VDI Bot task ";

    private PoolMarker() {
    }

    /** The requester's description followed by the mark, or the mark alone. */
    static String description(String requested, String taskCode) {
        String mark = PREFIX + taskCode;
        return requested == null || requested.isBlank() ? capitalised(mark) : requested + " (" + mark + ")";
    }

    /** Whether {@code description} carries the mark of {@code taskCode} (T104 does not match T1042). */
    static boolean isCreatedBy(String description, String taskCode) {
        return description != null && Pattern.compile(Pattern.quote(PREFIX + taskCode) + "(?![0-9A-Za-z])",
                Pattern.CASE_INSENSITIVE).matcher(description).find();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
