package io.vdibot.commands.i18n;

import java.text.AttributedCharacterIterator;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Spacing where a Chinese pattern meets its arguments, as Chinese typesetting wants it: one space between a Chinese
 * character and a Latin word or number ({@code 于 09:00 Europe/Paris 执行}), none between two Chinese words
 * ({@code 所有站点上的虚拟机}). Only the edges of arguments are touched: a translator writes {@code {1} 上的{0}} once,
 * and it reads right whether {@code {1}} is {@code 站点 dc1} or {@code 所有站点}; the inside of an argument (a name,
 * a description the user typed) and the pattern's own text stay as they are.
 */
final class ChineseSpacing {

    private ChineseSpacing() {
    }

    static String format(MessageFormat format, Object[] args) {
        AttributedCharacterIterator text = format.formatToCharacterIterator(args);
        List<Segment> segments = new ArrayList<>();
        text.first();
        while (text.getIndex() < text.getEndIndex()) {
            int end = text.getRunLimit(MessageFormat.Field.ARGUMENT);
            StringBuilder run = new StringBuilder(end - text.getIndex());
            boolean argument = text.getAttribute(MessageFormat.Field.ARGUMENT) != null;
            for (char c = text.current(); text.getIndex() < end; c = text.next()) {
                run.append(c);
            }
            segments.add(new Segment(run, argument));
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (!segment.argument || segment.text.isEmpty()) {
                continue;
            }
            if (i > 0) {
                i += fixEdge(segments, i - 1, segment.text.charAt(0), false);
            }
            if (i + 1 < segments.size()) {
                fixEdge(segments, i + 1, segment.text.charAt(segment.text.length() - 1), true);
            }
        }
        StringBuilder out = new StringBuilder();
        segments.forEach(segment -> out.append(segment.text));
        return out.toString();
    }

    /** A run of the formatted text: an argument's, which is never changed, or the pattern's own. */
    private record Segment(StringBuilder text, boolean argument) {
    }

    /**
     * Fixes the spacing between an argument and its neighbouring segment: a space inserted between Chinese and Latin,
     * a pattern's space between two Chinese words removed. Only the pattern's text is changed; between two adjacent
     * arguments a space is a segment of its own.
     *
     * @param neighbour  the index of the segment beside the argument
     * @param edge       the argument's character at this edge
     * @param afterwards whether the neighbour follows the argument (its right edge) or precedes it
     * @return how many segments were inserted before the argument (0 or 1)
     */
    private static int fixEdge(List<Segment> segments, int neighbour, char edge, boolean afterwards) {
        Segment beside = segments.get(neighbour);
        if (beside.text.isEmpty()) {
            return 0;
        }
        int nearest = afterwards ? 0 : beside.text.length() - 1;
        char next = beside.text.charAt(nearest);
        if ((isHan(edge) && isLatin(next)) || (isLatinEdge(edge) && isHan(next))) {
            if (beside.argument) {
                segments.add(afterwards ? neighbour : neighbour + 1, new Segment(new StringBuilder(" "), false));
                return afterwards ? 0 : 1;
            }
            beside.text.insert(afterwards ? 0 : beside.text.length(), ' ');
            return 0;
        }
        int beyond = afterwards ? nearest + 1 : nearest - 1;
        if (!beside.argument && next == ' ' && isHan(edge) && beyond >= 0 && beyond < beside.text.length()
                && isHan(beside.text.charAt(beyond))) {
            beside.text.deleteCharAt(nearest);
        }
        return 0;
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** A letter or digit of the pattern: pattern punctuation such as {@code =} is left alone. */
    private static boolean isLatin(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    /** The end of a Latin token in an argument: a letter, a digit or the symbol ending a name or a unit. */
    private static boolean isLatinEdge(char c) {
        return c > 0x20 && c < 0x7F;
    }
}
