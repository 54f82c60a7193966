package io.vdibot.rhev.task;

import java.util.regex.Pattern;

/**
 * The engine comment the bot writes on a VM, pool or template it creates. It names the task, so that a task resumed
 * after a crash (or repeating a call whose answer was lost) finds what it created instead of creating a second one,
 * and an administrator browsing the engine sees where the object came from. It goes in the comment, never in the
 * description: that holds the requester's own words exactly as given.
 */
public final class CreatorComment {

    private static final String PREFIX = "Created by VDI Bot task ";

    private CreatorComment() {
    }

    public static String of(String taskCode) {
        return PREFIX + taskCode;
    }

    /** Whether {@code comment} names {@code taskCode} as the creator (T104 does not match T1042). */
    public static boolean isCreatedBy(String comment, String taskCode) {
        return comment != null && Pattern.compile(Pattern.quote(PREFIX + taskCode) + "(?![0-9A-Za-z])",
                Pattern.CASE_INSENSITIVE).matcher(comment).find();
    }
}
