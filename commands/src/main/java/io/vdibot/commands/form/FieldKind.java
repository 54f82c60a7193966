package io.vdibot.commands.form;

/** How a form field is entered; adapters map each kind to their own input element. */
public enum FieldKind {
    /** One line of text. */
    TEXT,
    /** Several lines of text, e.g. an init script. */
    LONG_TEXT,
    /** A whole number; the value is sent back as its decimal text. */
    NUMBER,
    /** A check box or toggle; the value is sent back as {@code true} or {@code false}. */
    BOOLEAN,
    /** A choice from {@link FormField#choices()} or from the options source {@link FormField#optionsSource()}. */
    SELECT,
    /**
     * A date and time. Adapters send it back in the WHEN grammar with an explicit zone, e.g.
     * {@code 2026-12-01 09:00 Europe/Paris}.
     */
    DATETIME
}
