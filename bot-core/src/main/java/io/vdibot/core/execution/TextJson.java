package io.vdibot.core.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Term;
import io.vdibot.commands.i18n.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of a {@link Text} as a JSON array, to keep a log line's message in the database: strings, numbers
 * and booleans as themselves, an engine word as {@code {"term":"VM_STATUS","value":"up"}}, a message inside a message
 * as {@code {"key":…,"args":[…]}}, anything else as its text.
 */
public final class TextJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TextJson() {
    }

    public static String args(Text text) {
        return array(text.args()).toString();
    }

    /** The message of {@code key} with the arguments {@code args} read back; empty when they cannot be read. */
    public static Optional<Text> read(String key, String args) {
        if (key == null || args == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Text(key, values(JSON.readTree(args))));
        } catch (JsonProcessingException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static ArrayNode array(List<Object> args) {
        ArrayNode array = JSON.createArrayNode();
        for (Object arg : args) {
            if (arg == null) {
                array.addNull();
            } else if (arg instanceof String s) {
                array.add(s);
            } else if (arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte) {
                array.add(((Number) arg).longValue());
            } else if (arg instanceof Number n) {
                array.add(new BigDecimal(n.toString()));
            } else if (arg instanceof Boolean b) {
                array.add(b);
            } else if (arg instanceof Term term) {
                ObjectNode node = array.addObject();
                node.put("term", term.family().name());
                node.put("value", term.value());
            } else if (arg instanceof Text text) {
                ObjectNode node = array.addObject();
                node.put("key", text.key());
                node.set("args", array(text.args()));
            } else {
                array.add(arg.toString());
            }
        }
        return array;
    }

    private static List<Object> values(JsonNode array) {
        List<Object> values = new ArrayList<>();
        for (JsonNode node : array) {
            values.add(value(node));
        }
        return values;
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.has("term")) {
            return new Term(EngineTerm.valueOf(node.get("term").textValue()), node.path("value").textValue());
        }
        return new Text(node.get("key").textValue(), values(node.get("args")));
    }
}
