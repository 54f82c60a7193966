package io.vdibot.rhev.view;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.rhev.inventory.TemplateInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How views write sizes, times, lists and template versions. */
final class Formats {

    static final String NONE = "-";
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Formats() {
    }

    /** Binary units, as the engine counts: {@code 1.5 TiB}, {@code 512 GiB}. */
    static String bytes(long bytes) {
        if (bytes <= 0) {
            return "0 B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value >= 100 || unit == 0 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "");
        return number + " " + UNITS[unit];
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.withZone(zone).format(instant) + " " + zone.getId();
    }

    static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    static String join(List<String> values) {
        return values.isEmpty() ? NONE : String.join(", ", values);
    }

    /** {@code win11-23h2 v2}: a template version in a table cell. */
    static String shortVersion(TemplateInfo template, Messages messages) {
        return messages.format("view.template.short", template.name(), template.version());
    }

    /** {@code win11-23h2, version 2 (2026-10-patches)}: a template version in a detail view. */
    static String longVersion(TemplateInfo template, Messages messages) {
        return template.versionName() == null || template.versionName().isBlank()
                ? messages.format("view.template.long", template.name(), template.version())
                : messages.format("view.template.long-named", template.name(), template.version(),
                        template.versionName());
    }
}
