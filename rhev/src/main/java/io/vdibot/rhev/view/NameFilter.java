package io.vdibot.rhev.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name filter of {@code list}, ignoring case: with {@code *} wildcards the whole name must match
 * ({@code web*} = starts with web, {@code *-01} = ends with -01); without any, the name must contain the word
 * ({@code win} finds {@code finance-win10}). Every other character is literal, including a pool's {@code ?} mask.
 */
final class NameFilter {

    private static final NameFilter EVERYTHING = new NameFilter(null, null);

    private final String text;
    private final Pattern pattern;

    private NameFilter(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    static NameFilter of(String filter) {
        if (filter == null || filter.isEmpty()) {
            return EVERYTHING;
        }
        String regex;
        if (filter.indexOf('*') < 0) {
            regex = ".*" + Pattern.quote(filter) + ".*";
        } else {
            List<String> parts = new ArrayList<>();
            for (String part : filter.split("\\*", -1)) {
                parts.add(part.isEmpty() ? "" : Pattern.quote(part));
            }
            regex = String.join(".*", parts);
        }
        return new NameFilter(filter, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
                | Pattern.DOTALL));
    }

    boolean matches(String name) {
        return pattern == null || (name != null && pattern.matcher(name).matches());
    }

    boolean isEverything() {
        return pattern == null;
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
