package io.vdibot.commands.reply;

import java.util.Objects;

/**
 * A button. When clicked, the adapter submits the command line "words of command {@code actionId}, then
 * {@code value}" (e.g. {@code approve T1042}), so a click goes through the same parsing and permission check as
 * typing.
 *
 * @param actionId a command id: {@link #APPROVE}, {@link #REJECT}, {@link #CANCEL} or any other
 * @param label    the button text, already formatted
 * @param value    the argument, e.g. the task id
 */
public record Action(String actionId, String label, String value, Style style) {

    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String CANCEL = "cancel";

    public enum Style {
        DEFAULT,
        PRIMARY,
        DANGER
    }

    public Action {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(style, "style");
    }

    /** The command line the click stands for, e.g. {@code /vdi approve T1042}: a command's words are its id's parts. */
    public String commandLine() {
        return ("/vdi " + actionId.replace('.', ' ') + " " + value).strip();
    }
}
