package io.vdibot.commands.i18n;

import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
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
        StringBuilder out = new StringBuilder(text.getEndIndex());
        List<int[]> arguments = new ArrayList<>();
        for (char c = text.first(); c != CharacterIterator.DONE; c = text.next()) {
            out.append(c);
        }
        text.first();
        while (text.getIndex() < text.getEndIndex()) {
            int end = text.getRunLimit(MessageFormat.Field.ARGUMENT);
            if (text.getAttribute(MessageFormat.Field.ARGUMENT) != null && end > text.getIndex()) {
                arguments.add(new int[] {text.getIndex(), end});
            }
            text.setIndex(end);
        }
        // from the last argument back, so that the earlier positions stay right
        for (int i = arguments.size() - 1; i >= 0; i--) {
            int start = arguments.get(i)[0];
            int end = arguments.get(i)[1];
            fixEdge(out, end, out.charAt(end - 1), true);
            fixEdge(out, start, out.charAt(start), false);
        }
        return out.toString();
    }

    /**
     * Fixes the spacing at {@code at}, the edge between an argument and the pattern.
     *
     * @param edge       the argument's character at this edge
     * @param afterwards whether the pattern continues after the argument (its right edge) or precedes it
     */
    private static void fixEdge(StringBuilder out, int at, char edge, boolean afterwards) {
        int neighbour = afterwards ? at : at - 1;
        if (neighbour < 0 || neighbour >= out.length()) {
            return;
        }
        char next = out.charAt(neighbour);
        if ((isHan(edge) && isLatin(next)) || (isLatinEdge(edge) && isHan(next))) {
            out.insert(at, ' ');
            return;
        }
        int beyond = afterwards ? neighbour + 1 : neighbour - 1;
        if (next == ' ' && isHan(edge) && beyond >= 0 && beyond < out.length() && isHan(out.charAt(beyond))) {
            out.deleteCharAt(neighbour);
        }
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
