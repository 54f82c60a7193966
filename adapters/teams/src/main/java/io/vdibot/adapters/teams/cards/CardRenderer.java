package io.vdibot.adapters.teams.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.commands.reply.Action;
import io.vdibot.commands.reply.ActionsBlock;
import io.vdibot.commands.reply.Block;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.ImageBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import io.vdibot.commands.reply.TextBlock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A core {@link Reply} as Adaptive Cards: text as plain runs, fields as two-column rows, tables as 1.5 {@code Table}s,
 * images inline while small, buttons as {@code Action.Execute}. Teams refuses messages over about 28 KB, so a long table
 * continues in further cards of {@link #MAX_ROWS} rows and a large image is replaced by its description.
 */
public final class CardRenderer {

    public static final int MAX_ROWS = 40;
    /** Base64 of an inline image; beyond it the card would near Teams' message size limit. */
    static final int MAX_IMAGE_BYTES = 18_000;
    public static final String COMMAND = "command";

    /** The cards of a reply (usually one) and the one line Teams shows in notifications. */
    public record Rendered(List<ObjectNode> cards, String summary) {
        public ObjectNode first() {
            return cards.get(0);
        }
    }

    public Rendered render(Reply reply) {
        List<ObjectNode> cards = new ArrayList<>();
        ObjectNode card = Cards.card();
        ArrayNode items = container(card, reply.tone());
        for (Block block : reply.blocks()) {
            if (block instanceof TextBlock text) {
                text(items, text);
            } else if (block instanceof FieldsBlock fields) {
                fields(items, fields);
            } else if (block instanceof TableBlock table) {
                List<List<String>> rows = table.rows();
                items.add(table(table.headers(), rows.subList(0, Math.min(MAX_ROWS, rows.size()))));
                for (int from = MAX_ROWS; from < rows.size(); from += MAX_ROWS) {
                    ObjectNode more = Cards.card();
                    container(more, reply.tone()).add(table(table.headers(),
                            rows.subList(from, Math.min(from + MAX_ROWS, rows.size()))));
                    cards.add(more);
                }
            } else if (block instanceof ImageBlock image) {
                items.add(image(image));
            } else if (block instanceof ActionsBlock actions) {
                items.add(actions(actions));
            }
        }
        cards.add(0, card);
        return new Rendered(cards, summary(reply));
    }

    /** The tone's container, whose items the blocks go into. */
    static ArrayNode container(ObjectNode card, Reply.Tone tone) {
        ObjectNode container = Cards.body(card).addObject();
        container.put("type", "Container");
        String style = Cards.style(tone);
        if (!"default".equals(style)) {
            container.put("style", style);
            container.put("bleed", true);
        }
        return container.putArray("items");
    }

    static void text(ArrayNode items, TextBlock text) {
        switch (text.style()) {
            case HEADING -> Cards.lines(items, text.text(), "Bolder", "Medium", null, null);
            case CODE -> Cards.lines(items, text.text(), null, null, null, "Monospace");
            case PLAIN -> Cards.lines(items, text.text(), null, null, null, null);
        }
    }

    static void fields(ArrayNode items, FieldsBlock fields) {
        for (FieldsBlock.Field field : fields.fields()) {
            ObjectNode row = items.addObject();
            row.put("type", "ColumnSet");
            row.put("spacing", "Small");
            ObjectNode label = row.putArray("columns").addObject();
            label.put("type", "Column");
            label.put("width", 2);
            label.putArray("items").add(Cards.text(field.label(), "Bolder", null, null, null));
            ObjectNode value = ((ArrayNode) row.get("columns")).addObject();
            value.put("type", "Column");
            value.put("width", 5);
            ArrayNode valueItems = value.putArray("items");
            Cards.lines(valueItems, field.value(), null, null, null, null);
            if (field.at() != null) {
                valueItems.add(readerTime(field.at()));
            }
        }
    }

    /**
     * A moment in each reader's own zone and language: Teams clients evaluate {@code DATE()} and {@code TIME()} in a
     * TextBlock (not in a TextRun), so this one line is a TextBlock, holding nothing but the two functions.
     */
    static ObjectNode readerTime(Instant at) {
        String utc = DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
        ObjectNode block = Cards.object();
        block.put("type", "TextBlock");
        block.put("text", "\u2192 {{DATE(" + utc + ", SHORT)}} {{TIME(" + utc + ")}}");
        block.put("isSubtle", true);
        block.put("size", "Small");
        block.put("wrap", true);
        return block;
    }

    static ObjectNode table(List<String> headers, List<List<String>> rows) {
        ObjectNode table = Cards.object();
        table.put("type", "Table");
        table.put("firstRowAsHeader", true);
        table.put("showGridLines", true);
        ArrayNode columns = table.putArray("columns");
        headers.forEach(h -> columns.addObject().put("width", 1));
        ArrayNode tableRows = table.putArray("rows");
        tableRows.add(row(headers, "Bolder"));
        rows.forEach(r -> tableRows.add(row(r, null)));
        return table;
    }

    private static ObjectNode row(List<String> cells, String weight) {
        ObjectNode row = Cards.object();
        row.put("type", "TableRow");
        ArrayNode out = row.putArray("cells");
        for (String cell : cells) {
            ObjectNode c = out.addObject();
            c.put("type", "TableCell");
            c.putArray("items").add(Cards.text(cell, weight, null, null, null));
        }
        return row;
    }

    static ObjectNode image(ImageBlock image) {
        byte[] data = image.data();
        if (data.length > MAX_IMAGE_BYTES) {
            return Cards.text(image.altText(), null, null, null, null);
        }
        ObjectNode node = Cards.object();
        node.put("type", "Image");
        node.put("url", "data:" + image.mimeType() + ";base64," + Base64.getEncoder().encodeToString(data));
        node.put("altText", image.altText());
        return node;
    }

    /** Buttons: a click submits the command line "command words, then value", like typing it. */
    static ObjectNode actions(ActionsBlock block) {
        ObjectNode set = Cards.object();
        set.put("type", "ActionSet");
        ArrayNode actions = set.putArray("actions");
        for (Action action : block.actions()) {
            ObjectNode data = Cards.data(COMMAND);
            data.put("command", action.actionId());
            data.put("value", action.value());
            String style = switch (action.style()) {
                case PRIMARY -> "positive";
                case DANGER -> "destructive";
                case DEFAULT -> null;
            };
            actions.add(Cards.execute(action.label(), COMMAND, data, style, false));
        }
        return set;
    }

    public static String summary(Reply reply) {
        String first = reply.plainText().strip().lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 199) + "…" : first;
    }
}
