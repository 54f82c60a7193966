package io.vdibot.rhev.vm;

import java.util.regex.Pattern;

/**
 * The description the bot writes on a VM it creates. It names the task, so that a task resumed after a crash
 * recognises the VM it created before (and an administrator browsing the engine sees where a VM came from).
 */
final class VmMarker {

    private static final String PREFIX = "Created by VDI Bot task ";

    private VmMarker() {
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
