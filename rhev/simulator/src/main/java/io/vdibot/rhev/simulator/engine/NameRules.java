package io.vdibot.rhev.simulator.engine;

import java.util.regex.Pattern;

/** The engine's name checks for VMs, templates and pools. */
public final class NameRules {

    public static final int MAX_VM_NAME_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 255;
    private static final Pattern NAME = Pattern.compile("^[\\p{L}0-9._-]*$");
    private static final Pattern POOL_NAME = Pattern.compile(
            "^[\\p{L}0-9._-]+[?]*[\\p{L}0-9._-]*$|^[\\p{L}0-9._-]*[?]*[\\p{L}0-9._-]+$");

    private NameRules() {
    }

    public static void checkVmName(String name, String action) {
        if (name.length() > MAX_VM_NAME_LENGTH) {
            throw EngineFault.badRequest(EngineMessages.nameTooLong(action, "VM"));
        }
        if (!NAME.matcher(name).matches()) {
            throw EngineFault.badRequest(EngineMessages.nameSpecialChars(action, "VM"));
        }
    }

    public static void checkTemplateName(String name, String action) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw EngineFault.badRequest(EngineMessages.nameTooLong(action, "Template"));
        }
        if (!NAME.matcher(name).matches()) {
            throw EngineFault.badRequest(EngineMessages.nameSpecialChars(action, "Template"));
        }
    }

    public static void checkPoolName(String name, String action) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw EngineFault.badRequest(EngineMessages.nameTooLong(action, "VM-Pool"));
        }
        if (!POOL_NAME.matcher(name).matches()) {
            throw EngineFault.badRequest(EngineMessages.invalidPoolName(action, "VM-Pool"));
        }
    }
}
