package io.vdibot.core.audit;

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

    private static final Pattern SECRET = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|api[-_]?key|key|init)=(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\S+)");

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
        while (matcher.find()) {
            String key = matcher.group(1);
            String replacement = key.equalsIgnoreCase("init")
                    ? key + "=<script, " + unquoted(matcher.group(2)).length() + " characters>"
                    : key + "=***";
            matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
