package io.vdibot.commands.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a command line into words and {@code key=value} pairs.
 *
 * <ul>
 *   <li>Words are separated by whitespace, including the no-break spaces chat clients insert.</li>
 *   <li>{@code "…"} and {@code '…'} quote a value holding spaces, anywhere in a word: {@code init="a b"}.
 *       Typographic quotes ({@code “…”}, {@code ‘…’}) count too, because phones and macOS replace straight quotes
 *       as people type.</li>
 *   <li>Inside quotes a backslash escapes the closing quote or another backslash; any other backslash is kept,
 *       so Windows paths survive. Line breaks inside quotes are kept.</li>
 *   <li>The first unquoted {@code =} splits key and value; keys are case-insensitive.</li>
 * </ul>
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static Tokenized tokenize(String text) {
        String s = text == null ? "" : text;
        List<Token> tokens = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (isSpace(s.charAt(i))) {
                i++;
                continue;
            }
            StringBuilder current = new StringBuilder();
            String key = null;
            boolean quoted = false;
            while (i < s.length() && !isSpace(s.charAt(i))) {
                char c = s.charAt(i);
                if (isOpeningQuote(c)) {
                    quoted = true;
                    int end = readQuoted(s, i + 1, c, current);
                    if (end < 0) {
                        errors.add(FieldError.of(key == null ? "text" : key, "arg.unterminated-quote",
                                key == null ? "text" : key));
                        i = s.length();
                    } else {
                        i = end;
                    }
                } else if (c == '=' && key == null && !quoted) {
                    key = current.toString().toLowerCase(Locale.ROOT);
                    current.setLength(0);
                    i++;
                } else {
                    current.append(c);
                    i++;
                }
            }
            if (key != null && key.isEmpty()) {
                errors.add(FieldError.of("text", "arg.bad-syntax", "=" + current));
                continue;
            }
            tokens.add(new Token(key, current.toString(), quoted));
        }
        return new Tokenized(tokens, errors);
    }

    /**
     * The index just after the word that starts at {@code from}, by the rules above: quotes hold spaces, a backslash
     * escapes a closing quote, and a quote never closed runs to the end of the text. For code that must find a value
     * in the line as typed (the audit masks secrets) by the same idea of a word as the grammar's.
     */
    public static int endOfWord(String text, int from) {
        int i = from;
        while (i < text.length() && !isSpace(text.charAt(i))) {
            char c = text.charAt(i);
            if (isOpeningQuote(c)) {
                int end = readQuoted(text, i + 1, c, null);
                if (end < 0) {
                    return text.length();
                }
                i = end;
            } else {
                i++;
            }
        }
        return i;
    }

    /**
     * Appends the quoted text to {@code out} (unless null); returns the index after the closing quote, or -1 if
     * none.
     */
    private static int readQuoted(String s, int from, char opening, StringBuilder out) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (closes(opening, s.charAt(i + 1)) || s.charAt(i + 1) == '\\')) {
                if (out != null) {
                    out.append(s.charAt(i + 1));
                }
                i += 2;
            } else if (closes(opening, c)) {
                return i + 1;
            } else {
                if (out != null) {
                    out.append(c);
                }
                i++;
            }
        }
        return -1;
    }

    private static boolean isOpeningQuote(char c) {
        return c == '"' || c == '\'' || c == '\u201C' || c == '\u2018';
    }

    private static boolean closes(char opening, char c) {
        return switch (opening) {
            case '"' -> c == '"';
            case '\'' -> c == '\'';
            // a smart opening quote is sometimes followed by a straight closing one
            case '\u201C' -> c == '\u201D' || c == '"';
            default -> c == '\u2019' || c == '\'';
        };
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
