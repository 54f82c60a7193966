package io.vdibot.commands.form;

import java.util.List;
import java.util.Objects;

/**
 * One input of a form.
 *
 * @param name          the grammar key the value is parsed as ({@code name} for the positional NAME)
 * @param labelKey      message key of the label, {@code field.<name>}
 * @param kind          how it is entered
 * @param required      the form cannot be sent without it
 * @param optionsSource for {@link FieldKind#SELECT} with options looked up when shown, else {@code null}
 * @param choices       for {@link FieldKind#SELECT} with fixed options (grammar words), else empty
 * @param siteField     for inventory options: the field whose value names the site to look in ({@code site}
 *                      unless the form has two sites, as {@code template.migrate} does), else {@code null}
 */
public record FormField(String name, String labelKey, FieldKind kind, boolean required,
                        OptionsSource optionsSource, List<String> choices, String siteField) {

    private static final String DEFAULT_SITE_FIELD = "site";

    public FormField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
        boolean hasOptions = optionsSource != null || !choices.isEmpty();
        if ((kind == FieldKind.SELECT) != hasOptions || (optionsSource != null && !choices.isEmpty())) {
            throw new IllegalArgumentException(name + ": a select has exactly one kind of options, other fields none");
        }
        boolean looksUpInventory = optionsSource != null && optionsSource.inventoryKind().isPresent();
        if (looksUpInventory != (siteField != null)) {
            throw new IllegalArgumentException(name + ": inventory options, and only they, name their site field");
        }
    }

    public static FormField text(String name, boolean required) {
        return plain(name, FieldKind.TEXT, required);
    }

    public static FormField longText(String name) {
        return plain(name, FieldKind.LONG_TEXT, false);
    }

    public static FormField number(String name, boolean required) {
        return plain(name, FieldKind.NUMBER, required);
    }

    public static FormField bool(String name) {
        return plain(name, FieldKind.BOOLEAN, false);
    }

    public static FormField dateTime(String name) {
        return plain(name, FieldKind.DATETIME, false);
    }

    /** A select whose options come from {@code source}; inventory is looked up at the site in field {@code site}. */
    public static FormField select(String name, OptionsSource source, boolean required) {
        String siteField = source.inventoryKind().isPresent() ? DEFAULT_SITE_FIELD : null;
        return new FormField(name, labelKeyOf(name), FieldKind.SELECT, required, source, List.of(), siteField);
    }

    public static FormField choice(String name, List<String> choices, boolean required) {
        return new FormField(name, labelKeyOf(name), FieldKind.SELECT, required, null, choices, null);
    }

    /**
     * The same field under another label, {@code field.<name>.<variant>}, where a grammar key means something else
     * in this command than in others ({@code memory}: a size in {@code vm create}, a yes/no in {@code vm snapshot}).
     */
    public FormField labelled(String labelKey) {
        if (!labelKey.startsWith(labelKeyOf(name) + ".")) {
            throw new IllegalArgumentException(name + ": a label of its own is field." + name + ".<variant>");
        }
        return new FormField(name, labelKey, kind, required, optionsSource, choices, siteField);
    }

    /** The same field, looking up its inventory options at the site chosen in {@code field}. */
    public FormField withSiteField(String field) {
        return new FormField(name, labelKey, kind, required, optionsSource, choices, field);
    }

    private static FormField plain(String name, FieldKind kind, boolean required) {
        return new FormField(name, labelKeyOf(name), kind, required, null, List.of(), null);
    }

    private static String labelKeyOf(String name) {
        return "field." + name;
    }
}
