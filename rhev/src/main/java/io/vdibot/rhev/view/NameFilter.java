package io.vdibot.rhev.view;

import java.util.List;
import java.util.Locale;

/**
 * The name filter of {@code list}, ignoring case: with {@code *} wildcards the whole name must match
 * ({@code web*} = starts with web, {@code *-01} = ends with -01); without any, the name must contain the word
 * ({@code win} finds {@code finance-win10}). Every other character is literal, including a pool's {@code ?} mask.
 */
final class NameFilter {

    private static final NameFilter EVERYTHING = new NameFilter(null, null);

    private final String text;
    /** The filter in lower case, split at its wildcards; one part when it has none. */
    private final List<String> parts;

    private NameFilter(String text, List<String> parts) {
        this.text = text;
        this.parts = parts;
    }

    static NameFilter of(String filter) {
        if (filter == null || filter.isEmpty()) {
            return EVERYTHING;
        }
        return new NameFilter(filter, List.of(filter.toLowerCase(Locale.ROOT).split("\\*", -1)));
    }

    /**
     * Matched by hand, not by a regular expression: a filter of many {@code *} became {@code .*.*.*…}, which
     * backtracks exponentially on a name it does not match (25 stars took 16 s per name, and {@code list} tries every
     * name), so one {@code /vdi list vms ****…x} from a viewer pinned a CPU. With only {@code *} as a wildcard, taking
     * each part at its first place after the previous one is always right, so this is linear.
     */
    boolean matches(String name) {
        if (parts == null) {
            return true;
        }
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (parts.size() == 1) {
            return lower.contains(parts.get(0));
        }
        String first = parts.get(0);
        String last = parts.get(parts.size() - 1);
        if (!lower.startsWith(first)) {
            return false;
        }
        int from = first.length();
        for (String part : parts.subList(1, parts.size() - 1)) {
            int at = lower.indexOf(part, from);
            if (at < 0) {
                return false;
            }
            from = at + part.length();
        }
        return lower.length() - from >= last.length() && lower.endsWith(last);
    }

    boolean isEverything() {
        return parts == null;
    }

    /** The filter as typed, for headings and the next page's command line. */
    String text() {
        return text;
    }

    @Override
    public String toString() {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
