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
import java.util.List;
import java.util.function.Function;

/**
 * A core {@link Reply} as Adaptive Cards: text as plain runs, fields as two-column rows, tables as 1.5 {@code Table}s,
 * buttons as {@code Action.Execute}; images are set apart, to follow the cards as inline images. Teams refuses
 * messages over about 28 KB, so a long table continues in further cards of {@link #MAX_ROWS} rows and an image too
 * large to send inline is replaced by its description. In a task's thread a table too long for one card is shown
 * by its first {@link #PREVIEW_ROWS} rows and a "show all" action instead, so a result stays one card.
 */
public final class CardRenderer {

    public static final int MAX_ROWS = 40;
    public static final int PREVIEW_ROWS = 10;
    /**
     * The largest image sent inline, in a message of its own: its base64 (a third more) must stay under Teams'
     * message size limit of about 28 KB. A larger one is described in the card instead.
     */
    public static final int MAX_IMAGE_BYTES = 20_000;
    public static final String COMMAND = "command";

    /**
     * The cards of a reply (usually one), the one line Teams shows in notifications, and the images that follow the
     * cards as messages of their own.
     */
    public record Rendered(List<ObjectNode> cards, String summary, List<ImageBlock> images) {
        public Rendered {
            cards = List.copyOf(cards);
            images = List.copyOf(images);
        }

        public ObjectNode first() {
            return cards.get(0);
        }
    }

    public Rendered render(Reply reply) {
        return render(reply, null);
    }

    /**
     * @param showAll for a table longer than {@link #MAX_ROWS} rows, what follows its first {@link #PREVIEW_ROWS}
     *                (a note and the action that shows the rest); null to continue the table in further cards
     */
    public Rendered render(Reply reply, Function<TableBlock, List<ObjectNode>> showAll) {
        List<ObjectNode> cards = new ArrayList<>();
        List<ImageBlock> images = new ArrayList<>();
        ObjectNode card = Cards.card();
        ArrayNode items = container(card, reply.tone());
        for (Block block : reply.blocks()) {
            if (block instanceof TextBlock text) {
                text(items, text);
            } else if (block instanceof FieldsBlock fields) {
                fields(items, fields);
            } else if (block instanceof TableBlock table) {
                List<List<String>> rows = table.rows();
                if (showAll != null && rows.size() > MAX_ROWS) {
                    items.add(table(table.headers(), rows.subList(0, PREVIEW_ROWS)));
                    showAll.apply(table).forEach(items::add);
                    continue;
                }
                items.add(table(table.headers(), rows.subList(0, Math.min(MAX_ROWS, rows.size()))));
                for (int from = MAX_ROWS; from < rows.size(); from += MAX_ROWS) {
                    ObjectNode more = Cards.card();
                    container(more, reply.tone()).add(table(table.headers(),
                            rows.subList(from, Math.min(from + MAX_ROWS, rows.size()))));
                    cards.add(more);
                }
            } else if (block instanceof ImageBlock image) {
                if (image.data().length <= MAX_IMAGE_BYTES) {
                    images.add(image);
                } else {
                    items.add(Cards.text(image.altText(), null, null, null, null));
                }
            } else if (block instanceof ActionsBlock actions) {
                items.add(actions(actions));
            }
        }
        cards.add(0, card);
        return new Rendered(cards, summary(reply), images);
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
