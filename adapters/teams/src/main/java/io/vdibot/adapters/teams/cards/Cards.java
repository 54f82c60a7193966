package io.vdibot.adapters.teams.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.commands.reply.Reply;

/**
 * Adaptive Card building blocks. Text always goes into {@code RichTextBlock}/{@code TextRun}, which Teams shows as
 * typed: unlike {@code TextBlock} it has no markdown, so a VM called {@code **x**} or {@code [a](b)} cannot change
 * the card.
 */
public final class Cards {

    /** Teams renders Adaptive Cards up to 1.5 on every client that supports Universal Actions. */
    public static final String VERSION = "1.5";
    /** Data key marking what a click on one of our cards is about. */
    public static final String KIND = "vdibot";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Cards() {
    }

    public static ObjectNode card() {
        ObjectNode card = NODES.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", VERSION);
        card.putObject("msteams").put("width", "Full");
        card.putArray("body");
        return card;
    }

    public static ArrayNode body(ObjectNode card) {
        return (ArrayNode) card.get("body");
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** One line of plain text; {@code weight}, {@code size}, {@code color}, {@code fontType} may be null. */
    public static ObjectNode text(String text, String weight, String size, String color, String fontType) {
        ObjectNode block = NODES.objectNode();
        block.put("type", "RichTextBlock");
        ObjectNode run = block.putArray("inlines").addObject();
        run.put("type", "TextRun");
        run.put("text", text);
        if (weight != null) {
            run.put("weight", weight);
        }
        if (size != null) {
            run.put("size", size);
        }
        if (color != null) {
            run.put("color", color);
        }
        if (fontType != null) {
            run.put("fontType", fontType);
        }
        return block;
    }

    public static ObjectNode plain(String text) {
        return text(text, null, null, null, null);
    }

    /** Lines of text, one block each (a TextRun keeps no line breaks on every client). */
    public static void lines(ArrayNode into, String text, String weight, String size, String color, String font) {
        boolean first = true;
        for (String line : text.split("\n", -1)) {
            ObjectNode block = text(line.isEmpty() ? " " : line, weight, size, color, font);
            if (!first) {
                block.put("spacing", "None");
            }
            into.add(block);
            first = false;
        }
    }

    /** Container style for a tone: the reader sees at a glance whether it went well. */
    public static String style(Reply.Tone tone) {
        return switch (tone) {
            case SUCCESS -> "good";
            case WARNING -> "warning";
            case ERROR -> "attention";
            case INFO -> "default";
        };
    }

    /**
     * An {@code Action.Execute} (Universal Actions: an {@code adaptiveCard/action} invoke) with an {@code Action.Submit}
     * fallback for clients without Universal Actions, carrying the same data.
     */
    public static ObjectNode execute(String title, String verb, ObjectNode data, String style, boolean withInputs) {
        ObjectNode action = NODES.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", title);
        action.put("verb", verb);
        action.set("data", data.deepCopy());
        if (style != null) {
            action.put("style", style);
        }
        action.put("associatedInputs", withInputs ? "auto" : "none");
        ObjectNode fallback = action.putObject("fallback");
        fallback.put("type", "Action.Submit");
        fallback.put("title", title);
        ObjectNode fallbackData = data.deepCopy();
        fallbackData.put("verb", verb);
        fallback.set("data", fallbackData);
        if (style != null) {
            fallback.put("style", style);
        }
        fallback.put("associatedInputs", withInputs ? "auto" : "none");
        return action;
    }

    public static ObjectNode data(String kind) {
        ObjectNode data = NODES.objectNode();
        data.put(KIND, kind);
        return data;
    }
}
