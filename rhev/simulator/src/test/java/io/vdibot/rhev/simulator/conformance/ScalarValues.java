package io.vdibot.rhev.simulator.conformance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks the text of a leaf element against its model type, the way the engine's schema types it. */
final class ScalarValues {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private ScalarValues() {
    }

    /** What is wrong with {@code text} as a value of {@code type}, or empty when it is fine. */
    static Optional<String> problem(ModelType type, String text) {
        if (type.kind() == ModelType.Kind.ENUM) {
            return type.enumValues().contains(text)
                    ? Optional.empty()
                    : Optional.of("'" + text + "' is not a " + type.name() + " value " + type.enumValues());
        }
        boolean valid = switch (type.name()) {
            case "Boolean" -> text.equals("true") || text.equals("false");
            case "Integer" -> INTEGER.matcher(text).matches();
            case "Decimal" -> isDecimal(text);
            // the engine writes xs:dateTime with an offset, e.g. 2016-09-14T11:54:35.229+02:00
            case "Date" -> isDateTime(text);
            default -> true;
        };
        return valid ? Optional.empty() : Optional.of("'" + text + "' is not a valid " + type.name());
    }

    private static boolean isDecimal(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
