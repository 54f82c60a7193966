package io.vdibot.rhev.simulator.search;

import io.vdibot.rhev.simulator.engine.EngineFault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the engine's search language that clients of this product use:
 * {@code field<op>value} conditions joined by {@code and}/{@code or} ({@code and} binds tighter) or by
 * plain space (an {@code and}, as the engine reads it), fields of linked objects ({@code vm.name},
 * {@code Clusters.name}; field names are case-insensitive), {@code *} wildcards, then optional {@code sortby field [asc|desc]} and {@code page N}.
 * Matching is case-insensitive unless asked otherwise, as on the engine.
 */
public final class SearchQuery {

    private static final Pattern CONDITION = Pattern.compile(
            "\\G\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(!=|<=|>=|=|<|>)\\s*(\"[^\"]*\"|[^\\s()]+)\\s*");
    private static final Pattern KEYWORD = Pattern.compile("\\G\\s*(and|or|sortby|page)\\b\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("\\G\\s*([A-Za-z0-9_.]+)\\s*");

    /** One {@code field<op>value}; the value as a wildcard pattern and as a number are worked out once. */
    private record Condition(String field, String op, String value, Pattern pattern, Double number) {
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final List<List<Condition>> alternatives;
    private final String sortField;
    private final boolean descending;
    private final Integer page;
    private final boolean caseSensitive;

    private SearchQuery(List<List<Condition>> alternatives, String sortField, boolean descending, Integer page,
            boolean caseSensitive) {
        this.alternatives = alternatives;
        this.sortField = sortField;
        this.descending = descending;
        this.page = page;
        this.caseSensitive = caseSensitive;
    }

    /**
     * Parses {@code text}; fields outside {@code fields} and malformed text are refused with the
     * engine's 400, marking the offending part with {@code $...$} as the engine does.
     */
    public static SearchQuery parse(String text, Set<String> fields, boolean caseSensitive) {
        return new Parser(text, fields, caseSensitive).parse();
    }

    /** One pass over the text; the state of the pass lives in its fields. */
    private static final class Parser {
        private final String text;
        private final Set<String> fields;
        private final boolean caseSensitive;
        private final List<List<Condition>> alternatives = new ArrayList<>();
        private List<Condition> current = new ArrayList<>();
        private String sortField;
        private boolean descending;
        private Integer page;
        private int pos;
        private boolean expectCondition = true;
        // where an "and"/"or" still waits for its condition; criteria end where sortby or page begin
        private int openConnector = -1;
        private boolean criteriaDone;

        Parser(String text, Set<String> fields, boolean caseSensitive) {
            this.text = text;
            this.fields = fields;
            this.caseSensitive = caseSensitive;
        }

        SearchQuery parse() {
            while (pos < text.length()) {
                if (text.substring(pos).isBlank()) {
                    break;
                }
                Matcher keyword = KEYWORD.matcher(text);
                if (keyword.find(pos) && keyword.start() == pos) {
                    String word = keyword.group(1).toLowerCase(Locale.ROOT);
                    int wordStart = keyword.start(1);
                    pos = keyword.end();
                    switch (word) {
                        case "and", "or" -> connector(word, wordStart);
                        case "sortby" -> sortBy(wordStart);
                        default -> page(wordStart);
                    }
                    continue;
                }
                condition();
            }
            if (openConnector >= 0) {
                throw syntax(text, openConnector);
            }
            alternatives.add(current);
            return new SearchQuery(alternatives, sortField, descending, page, caseSensitive);
        }

        private void connector(String word, int wordStart) {
            if (expectCondition || criteriaDone) {
                throw syntax(text, wordStart);
            }
            if (word.equals("or")) {
                alternatives.add(current);
                current = new ArrayList<>();
            }
            expectCondition = true;
            openConnector = wordStart;
        }

        private void sortBy(int wordStart) {
            if (openConnector >= 0 || sortField != null || page != null) {
                throw syntax(text, openConnector >= 0 ? openConnector : wordStart);
            }
            criteriaDone = true;
            Matcher field = WORD.matcher(text);
            if (!field.find(pos) || field.start() != pos || !fields.contains(field.group(1))) {
                throw syntax(text, pos);
            }
            sortField = field.group(1);
            pos = field.end();
            Matcher direction = WORD.matcher(text);
            if (direction.find(pos) && direction.start() == pos && direction.group(1).matches("(?i)asc|desc")) {
                descending = direction.group(1).equalsIgnoreCase("desc");
                pos = direction.end();
            }
        }

        private void page(int wordStart) {
            if (openConnector >= 0 || page != null) {
                throw syntax(text, openConnector >= 0 ? openConnector : wordStart);
            }
            criteriaDone = true;
            Matcher number = WORD.matcher(text);
            if (!number.find(pos) || number.start() != pos || !number.group(1).matches("\\d+")) {
                throw syntax(text, pos);
            }
            page = Integer.parseInt(number.group(1));
            pos = number.end();
        }

        private void condition() {
            Matcher condition = CONDITION.matcher(text);
            // a condition right after another one is joined to it by "and"
            if (criteriaDone || !condition.find(pos) || condition.start() != pos) {
                throw syntax(text, pos);
            }
            String field = condition.group(1).toLowerCase(Locale.ROOT);
            if (!fields.contains(field)) {
                throw syntax(text, condition.start(1));
            }
            String value = condition.group(3);
            if (value.startsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            current.add(new Condition(field, condition.group(2), value, wildcard(value, caseSensitive),
                    NUMBER.matcher(value).matches() ? Double.valueOf(value) : null));
            pos = condition.end();
            expectCondition = false;
            openConnector = -1;
        }
    }

    /** Filters, sorts and pages {@code items}; {@code fieldValue} reads a search field of an item. */
    public <T> List<T> apply(List<T> items, BiFunction<T, String, Object> fieldValue, int pageSize) {
        List<T> result = new ArrayList<>();
        for (T item : items) {
            if (matches(item, fieldValue)) {
                result.add(item);
            }
        }
        if (sortField != null) {
            Comparator<T> order = Comparator.comparing(item -> sortKey(fieldValue.apply(item, sortField)),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            result.sort(descending ? order.reversed() : order);
        }
        if (page != null && pageSize > 0) {
            int from = Math.max(0, (page - 1) * pageSize);
            return from >= result.size() ? List.of() : result.subList(from, Math.min(result.size(), from + pageSize));
        }
        return result;
    }

    private <T> boolean matches(T item, BiFunction<T, String, Object> fieldValue) {
        for (List<Condition> conjunction : alternatives) {
            boolean all = true;
            for (Condition condition : conjunction) {
                if (!holds(condition, fieldValue.apply(item, condition.field()))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(Condition condition, Object actual) {
        if (actual instanceof Iterable<?> many) {
            for (Object one : many) {
                if (holds(condition, one)) {
                    return true;
                }
            }
            return "!=".equals(condition.op()) && !many.iterator().hasNext();
        }
        if (actual instanceof Number number && condition.number() != null) {
            int cmp = Double.compare(number.doubleValue(), condition.number());
            return compare(condition.op(), cmp);
        }
        String text = actual == null ? "" : actual.toString();
        return switch (condition.op()) {
            case "=" -> condition.pattern().matcher(text).matches();
            case "!=" -> !condition.pattern().matcher(text).matches();
            default -> compare(condition.op(), normalise(text).compareTo(normalise(condition.value())));
        };
    }

    private static boolean compare(String op, int cmp) {
        return switch (op) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            default -> cmp >= 0;
        };
    }

    private static Pattern wildcard(String value, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder();
        String[] parts = value.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private String normalise(String text) {
        return caseSensitive ? text : text.toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable sortKey(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
    }

    private static EngineFault syntax(String text, int position) {
        int end = position;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String marked = text.substring(0, position) + "$" + text.substring(position, end) + "$" + text.substring(end);
        return EngineFault.badRequest(marked);
    }
}
