package io.vdibot.commands.parse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sizes such as {@code 4GiB}, {@code 4096MiB}, {@code 4G}, {@code 1.5GB} or {@code 512M}.
 * Every prefix is binary (K = 1024): memory in the engine is counted in MiB, and people who write GB mean GiB.
 * A unit is required, because a bare {@code 4096} could be MiB or bytes.
 */
public final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([KMGT])(?:i?B)?|(B))",
            Pattern.CASE_INSENSITIVE);

    private ByteSizes() {
    }

    /** The size in bytes (fractions of a byte dropped), or empty when the text is no size or overflows. */
    public static OptionalLong parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        int power = m.group(2) == null ? 0 : "KMGT".indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        try {
            return OptionalLong.of(bytes.setScale(0, RoundingMode.DOWN).longValueExact());
        } catch (ArithmeticException tooLarge) {
            return OptionalLong.empty();
        }
    }

    /** A size in the largest binary unit that divides it: {@code 256GiB}, {@code 1536MiB}. */
    public static String format(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value >= 1024 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + units[unit];
    }
}
