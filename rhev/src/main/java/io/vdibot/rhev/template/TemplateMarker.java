package io.vdibot.rhev.template;

import java.util.regex.Pattern;

/**
 * The description the bot writes on a template it creates. It names the task, so that a task resumed after a
 * crash (or a call repeated after a lost answer) finds the template it created instead of creating a second one.
 */
final class TemplateMarker {

    private static final String PREFIX = "Created by VDI Bot task ";

    private TemplateMarker() {
    }

    static String description(String taskCode) {
        return PREFIX + taskCode;
    }

    /** Whether {@code description} is the mark of {@code taskCode} (T104 does not match T1042). */
    static boolean isCreatedBy(String description, String taskCode) {
        return description != null
                && Pattern.compile(Pattern.quote(PREFIX + taskCode) + "(?![0-9A-Za-z])").matcher(description).find();
    }
}
