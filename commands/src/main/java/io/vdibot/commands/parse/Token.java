package io.vdibot.commands.parse;

/**
 * One word of a command line: a bare word, or {@code key=value}.
 *
 * @param key    lower-case key, {@code null} for a bare word
 * @param value  the text with quotes removed and escapes applied
 * @param quoted whether any part of the value was quoted (a quoted word is never a command word)
 */
public record Token(String key, String value, boolean quoted) {

    /** A word that can be a command word or a keyword: no key, no quotes. */
    public boolean isBareWord() {
        return key == null && !quoted;
    }

    public boolean isKeyValue() {
        return key != null;
    }

    /** The token as the user could have typed it, for messages. */
    public String display() {
        String shown = quoted || value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)
                ? '"' + value + '"' : value;
        return key == null ? shown : key + "=" + shown;
    }
}
