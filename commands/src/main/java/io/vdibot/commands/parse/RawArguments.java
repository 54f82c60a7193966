package io.vdibot.commands.parse;

import io.vdibot.commands.schedule.ZoneNames;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A command's arguments as untyped text, keyed by grammar key, whether they came from a command line or from a
 * form; plus the structural mistakes (unknown, duplicate, empty, unexpected words). Text and forms meet here so
 * that the typed parsing after this point, and its errors, are the same for both.
 */
public final class RawArguments {

    private static final String AT = "at";
    private static final Pattern DAY_WORD = Pattern.compile("today|tomorrow|\\d{4}-\\d{2}-\\d{2}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK_TIME = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");

    private final Map<String, String> values;
    private final List<FieldError> errors;

    private RawArguments(Map<String, String> values, List<FieldError> errors) {
        this.values = Collections.unmodifiableMap(values);
        this.errors = List.copyOf(errors);
    }

    /** From the tokens after the command words. */
    public static RawArguments fromTokens(List<Param> params, List<Token> tokens) {
        Map<String, String> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = keysOf(params);
        List<Param> positionals = params.stream().filter(Param::positional).toList();
        int nextPositional = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isKeyValue()) {
                String key = token.key();
                String value = token.value();
                if (AT.equals(key) && !token.quoted()) {
                    // "at=tomorrow 08:00 Europe/Paris" without quotes: take the words that can only continue a WHEN
                    StringBuilder when = new StringBuilder(value);
                    while (i + 1 < tokens.size() && continuesWhen(when.toString(), tokens.get(i + 1))) {
                        when.append(' ').append(tokens.get(++i).value());
                    }
                    value = when.toString();
                }
                if (!keys.contains(key)) {
                    errors.add(unknownKey(key, params));
                } else if (values.containsKey(key)) {
                    errors.add(FieldError.of(key, "arg.duplicate", key));
                } else if (value.isBlank()) {
                    errors.add(FieldError.of(key, "arg.empty", key));
                } else {
                    values.put(key, value);
                }
                continue;
            }
            if (nextPositional >= positionals.size()) {
                String word = token.value().toLowerCase(Locale.ROOT);
                if (token.isBareWord() && keys.contains(word)) {
                    errors.add(FieldError.of(word, "arg.missing-equals", word));
                    if (i + 1 < tokens.size() && !tokens.get(i + 1).isKeyValue()) {
                        i++; // the next word was meant as its value; one error is enough
                    }
                } else {
                    errors.add(FieldError.of("text", "arg.unexpected", token.display()));
                }
                continue;
            }
            Param slot = positionals.get(nextPositional++);
            String value = token.value();
            if (slot.rest()) {
                List<String> words = new ArrayList<>(List.of(value));
                while (i + 1 < tokens.size() && !tokens.get(i + 1).isKeyValue()) {
                    words.add(tokens.get(++i).value());
                }
                value = String.join(" ", words);
            }
            if (values.containsKey(slot.key())) {
                errors.add(FieldError.of(slot.key(), "arg.duplicate", slot.key()));
            } else if (value.isBlank()) {
                errors.add(FieldError.of(slot.key(), "arg.empty", slot.key()));
            } else {
                values.put(slot.key(), value);
            }
        }
        return new RawArguments(values, errors);
    }

    /**
     * From form field values (field name = grammar key). A blank value means "not filled in": chat forms send
     * empty strings or nulls for untouched optional fields.
     */
    public static RawArguments fromForm(List<Param> params, Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = keysOf(params);
        form.forEach((rawKey, value) -> {
            String key = rawKey.trim().toLowerCase(Locale.ROOT);
            if (!keys.contains(key)) {
                errors.add(unknownKey(key, params));
            } else if (value != null && !value.isBlank()) {
                // strip() removes what isBlank() calls blank and nothing more; see ArgReader#raw
                values.put(key, value.strip());
            }
        });
        return new RawArguments(values, errors);
    }

    public Map<String, String> values() {
        return values;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean hasErrorFor(String key) {
        return errors.stream().anyMatch(e -> e.field().equals(key));
    }

    private static boolean continuesWhen(String whenSoFar, Token next) {
        if (!next.isBareWord()) {
            return false;
        }
        boolean endsWithDay = DAY_WORD.matcher(whenSoFar).matches();
        if (endsWithDay && CLOCK_TIME.matcher(next.value()).matches()) {
            return true;
        }
        boolean alreadyHasZone = whenSoFar.contains(" ") && ZoneNames.looksLikeZone(
                whenSoFar.substring(whenSoFar.lastIndexOf(' ') + 1));
        return !endsWithDay && !alreadyHasZone && ZoneNames.looksLikeZone(next.value());
    }

    private static Set<String> keysOf(List<Param> params) {
        return params.stream().map(Param::key).collect(Collectors.toUnmodifiableSet());
    }

    /** Names the keys the user may type instead, or says there are none. */
    private static FieldError unknownKey(String key, List<Param> params) {
        String accepted = params.stream().filter(p -> !p.positional()).map(Param::key)
                .collect(Collectors.joining(", "));
        return accepted.isEmpty()
                ? FieldError.of(key, "arg.no-options", key)
                : FieldError.of(key, "arg.unknown", key, accepted);
    }
}
