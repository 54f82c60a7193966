package io.vdibot.adapters.console;

/** What a terminal makes of text: which characters are safe to print and how many columns they take. */
final class TerminalText {

    private static final int TAB_WIDTH = 4;

    private TerminalText() {
    }

    /**
     * {@code text} with control characters replaced by {@code ?} and tabs by spaces. Names typed by users reach the
     * console verbatim, and an escape sequence in a pool name must not recolour, move the cursor or retitle the
     * user's terminal. Line breaks are kept for the caller to split on.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append(c);
            } else if (c == '\t') {
                out.append(" ".repeat(TAB_WIDTH));
            } else if (c == '\r') {
                // CRLF from a Windows-edited script or log excerpt: the LF already ends the line.
                continue;
            } else if (Character.isISOControl(c)) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} on one line: line breaks become spaces, for table cells and field values. */
    static String oneLine(String text) {
        return printable(text).replace('\n', ' ');
    }

    /** Terminal columns {@code text} occupies: East Asian wide and full-width characters take two. */
    static int width(String text) {
        return text.codePoints().map(TerminalText::columns).sum();
    }

    /** {@code text} padded with spaces to {@code columns} terminal columns. */
    static String pad(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - width(text)));
    }

    private static int columns(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return wide(codePoint) ? 2 : 1;
    }

    // The Wide and Fullwidth ranges of Unicode's East Asian Width property that hold letters, punctuation and
    // symbols in use: CJK ideographs and punctuation, kana, Hangul, full-width forms.
    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
