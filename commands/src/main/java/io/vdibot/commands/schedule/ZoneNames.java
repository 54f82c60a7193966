package io.vdibot.commands.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Looks up zone ids ignoring case, because people type {@code europe/paris} or {@code utc} in chat.
 * Three-letter abbreviations such as {@code CST} are refused: they are ambiguous (China or US Central).
 */
public final class ZoneNames {

    private static final Map<String, String> REGION_IDS_BY_LOWER_CASE = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toUnmodifiableMap(id -> id.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

    private ZoneNames() {
    }

    public static Optional<ZoneId> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String id = REGION_IDS_BY_LOWER_CASE.get(text.trim().toLowerCase(Locale.ROOT));
        if (id != null) {
            return Optional.of(ZoneId.of(id));
        }
        String trimmed = text.trim();
        if (trimmed.length() <= 4 && !trimmed.equalsIgnoreCase("Z") && !trimmed.equalsIgnoreCase("UTC")
                && !trimmed.equalsIgnoreCase("GMT")) {
            return Optional.empty();
        }
        try {
            // fixed offsets such as "+08:00" or "UTC+8"
            return Optional.of(ZoneId.of(trimmed.toUpperCase(Locale.ROOT)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** True for words that can only be meant as a zone: a region id with a slash, or UTC/GMT/Z. */
    public static boolean looksLikeZone(String text) {
        if (text == null) {
            return false;
        }
        String t = text.trim();
        boolean zoneShaped = t.contains("/") || t.equalsIgnoreCase("UTC") || t.equalsIgnoreCase("GMT")
                || t.equalsIgnoreCase("Z");
        return zoneShaped && find(t).isPresent();
    }
}
