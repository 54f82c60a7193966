package io.vdibot.core.audit;

import io.vdibot.commands.parse.Tokenizer;
import io.vdibot.commands.port.Envelope;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request as typed, for the audit trail, with what may be a secret masked: the value of any argument named like a
 * password, secret, token or key, and the body of an {@code init=} script (which may carry credentials).
 */
final class CommandTexts {

    /**
     * The name of an argument that may hold a secret. Its value is the rest of the word as the grammar reads it
     * ({@link Tokenizer#endOfWord}), not a pattern of its own: a quoted pattern recursed once per character and threw
     * StackOverflowError on a script of a few thousand characters (the request was lost unanswered and unaudited),
     * and one that knew only straight quotes left most of a smart-quoted or unterminated secret in the trail.
     */
    private static final Pattern SECRET =
            Pattern.compile("(?i)\\b(password|passwd|pwd|secret|token|api[-_]?key|key|init)=");

    private CommandTexts() {
    }

    /** The text typed, or the form's values as {@code form vm.create name=… template=…}, masked. */
    static String of(Envelope envelope) {
        if (!envelope.hasForm()) {
            return mask(envelope.text());
        }
        StringBuilder text = new StringBuilder("form ").append(envelope.formId());
        Map<String, String> values = new TreeMap<>(envelope.formValues());
        values.forEach((key, value) -> text.append(' ').append(key).append('=')
                .append(value.matches(".*\\s.*") ? '"' + value + '"' : value));
        return mask(text.toString());
    }

    static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = SECRET.matcher(text);
        StringBuilder masked = new StringBuilder();
        int copied = 0;
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            int valueStart = matcher.end();
            int valueEnd = Tokenizer.endOfWord(text, valueStart);
            from = Math.max(valueEnd, valueStart);
            if (valueEnd == valueStart) {
                continue;
            }
            String key = matcher.group(1);
            String value = text.substring(valueStart, valueEnd);
            masked.append(text, copied, matcher.start()).append(key.equalsIgnoreCase("init")
                    ? key + "=<script, " + unquoted(value).length() + " characters>"
                    : key + "=***");
            copied = valueEnd;
        }
        return masked.append(text, copied, text.length()).toString();
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && "\"'\u201C\u2018".indexOf(value.charAt(0)) >= 0;
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
