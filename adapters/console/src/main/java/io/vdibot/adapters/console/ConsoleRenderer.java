package io.vdibot.adapters.console;

import io.vdibot.commands.reply.Action;
import io.vdibot.commands.reply.ActionsBlock;
import io.vdibot.commands.reply.Block;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.ImageBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import io.vdibot.commands.reply.TextBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns a neutral {@link Reply} into terminal lines, without prefixes:
 * <ul>
 *   <li>plain text as is, a heading as {@code == Title ==}, code indented by four spaces;</li>
 *   <li>fields as {@code label: value};</li>
 *   <li>a table as columns aligned by terminal width (Chinese characters take two columns) under a rule;</li>
 *   <li>an image as {@code chart: <alt text> (<file>)};</li>
 *   <li>each button as {@code [Label] /vdi <command words> <value>}, the line a click would submit;</li>
 *   <li>the first line of an error reply starts with {@code error: }, of a warning with {@code warning: }, of a
 *       success with {@code ok: }; ASCII, so they read the same in any terminal and next to either language.</li>
 * </ul>
 * Without an {@link ImageWriter} rendering is a pure function and the image line names the image's file name.
 */
public final class ConsoleRenderer {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRenderer.class);
    private static final String COLUMN_GAP = "  ";

    private final ImageWriter images;

    /** Renders images by name only and writes nothing. */
    public ConsoleRenderer() {
        this.images = null;
    }

    /** Writes each image through {@code images} and names the written file. */
    public ConsoleRenderer(ImageWriter images) {
        this.images = Objects.requireNonNull(images, "images");
    }

    public List<String> render(Reply reply) {
        List<String> lines = new ArrayList<>();
        for (Block block : reply.blocks()) {
            if (block instanceof TextBlock text) {
                text(text, lines);
            } else if (block instanceof FieldsBlock fields) {
                fields(fields, lines);
            } else if (block instanceof TableBlock table) {
                table(table, lines);
            } else if (block instanceof ImageBlock image) {
                lines.add(image(image));
            } else if (block instanceof ActionsBlock actions) {
                actions.actions().forEach(action -> lines.add(hint(action)));
            }
        }
        String marker = marker(reply.tone());
        if (!marker.isEmpty() && !lines.isEmpty()) {
            lines.set(0, marker + lines.get(0));
        }
        return List.copyOf(lines);
    }

    private static void text(TextBlock block, List<String> lines) {
        List<String> split = split(block.text());
        switch (block.style()) {
            case PLAIN -> lines.addAll(split);
            case HEADING -> lines.add("== " + String.join(" ", split).strip() + " ==");
            case CODE -> split.forEach(line -> lines.add(line.isEmpty() ? "" : "    " + line));
        }
    }

    private static void fields(FieldsBlock block, List<String> lines) {
        for (FieldsBlock.Field field : block.fields()) {
            List<String> value = split(field.value());
            lines.add(TerminalText.oneLine(field.label()) + ": " + value.get(0));
            // Continuation lines are indented so a multi-line value still reads as one field.
            value.subList(1, value.size()).forEach(more -> lines.add("  " + more));
        }
    }

    private static void table(TableBlock block, List<String> lines) {
        List<String> headers = block.headers().stream().map(TerminalText::oneLine).toList();
        List<List<String>> rows = block.rows().stream()
                .map(row -> row.stream().map(TerminalText::oneLine).toList())
                .toList();
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = TerminalText.width(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], TerminalText.width(row.get(c)));
            }
        }
        lines.add(row(headers, widths));
        lines.add(String.join(COLUMN_GAP, Arrays.stream(widths).mapToObj("-"::repeat).toList()));
        rows.forEach(row -> lines.add(row(row, widths)));
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(c == 0 ? "" : COLUMN_GAP).append(TerminalText.pad(cells.get(c), widths[c]));
        }
        return line.toString().stripTrailing();
    }

    private String image(ImageBlock image) {
        String alt = TerminalText.oneLine(image.altText());
        if (images == null) {
            return "chart: " + alt + " (" + TerminalText.oneLine(image.filename()) + ")";
        }
        try {
            Path file = images.write(image);
            return "chart: " + alt + " (" + file + ")";
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write image {} for the console", image.filename(), e);
            return "chart: " + alt;
        }
    }

    private static String hint(Action action) {
        return "[" + TerminalText.oneLine(action.label()) + "] " + TerminalText.oneLine(action.commandLine());
    }

    private static String marker(Reply.Tone tone) {
        return switch (tone) {
            case INFO -> "";
            case SUCCESS -> "ok: ";
            case WARNING -> "warning: ";
            case ERROR -> "error: ";
        };
    }

    private static List<String> split(String text) {
        // Trailing line breaks would print as empty prefixed lines.
        return List.of(TerminalText.printable(text).stripTrailing().split("\n", -1));
    }
}
