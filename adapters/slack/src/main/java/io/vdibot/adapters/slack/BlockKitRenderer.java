package io.vdibot.adapters.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.vdibot.commands.reply.Action;
import io.vdibot.commands.reply.Block;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.ImageBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import io.vdibot.commands.reply.TextBlock;
import io.vdibot.commands.reply.TextStyle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the neutral {@link Reply} into Block Kit. Text from the core is never interpreted as mrkdwn: it goes into
 * {@code plain_text} objects, or into code blocks with {@code &}, {@code <} and {@code >} escaped, so a VM name or a
 * reason cannot format, link or mention anyone. Slack's limits are kept: 3,000 characters per section, 150 per
 * header, 10 fields per section, 50 blocks per message (100 in a view); what does not fit goes into a file.
 */
public final class BlockKitRenderer {

    public static final int MESSAGE_BLOCKS = 50;
    public static final int VIEW_BLOCKS = 100;
    static final int SECTION_CHARS = 3000;
    static final int HEADER_CHARS = 150;
    static final int FIELD_CHARS = 2000;
    static final int FIELDS_PER_SECTION = 10;
    static final int BUTTON_LABEL_CHARS = 75;
    static final int FALLBACK_CHARS = 3000;
    /** A table longer than this is shown in part and attached whole. */
    static final int INLINE_TABLE_ROWS = 20;
    static final int PREVIEW_TABLE_ROWS = 10;
    /** Prefix of the Slack action id of a button that runs a command other than approve or reject. */
    public static final String COMMAND_ACTION_PREFIX = "cmd.";

    /** Renders for a channel message. */
    public Rendered render(Reply reply) {
        return render(reply, MESSAGE_BLOCKS);
    }

    public Rendered render(Reply reply, int maxBlocks) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<Rendered.FileAttachment> files = new ArrayList<>();
        String prefix = tonePrefix(reply.tone());
        boolean first = true;
        int tables = 0;
        for (Block block : reply.blocks()) {
            String lead = first ? prefix : "";
            first = false;
            if (block instanceof TextBlock text) {
                text(blocks, lead, text);
            } else if (block instanceof FieldsBlock fields) {
                fields(blocks, lead, fields);
            } else if (block instanceof TableBlock table) {
                table(blocks, files, table, ++tables);
            } else if (block instanceof ImageBlock image) {
                files.add(new Rendered.FileAttachment(image.filename(), image.altText(), image.data(), true));
                blocks.add(context("\uD83D\uDCCA " + image.altText() + " (" + image.filename() + ")"));
            } else if (block instanceof io.vdibot.commands.reply.ActionsBlock actions) {
                blocks.add(actions(actions));
            }
        }
        String plain = reply.plainText().strip();
        if (blocks.size() > maxBlocks) {
            List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, maxBlocks - 1));
            kept.add(context("\uD83D\uDCCE reply.txt"));
            blocks = kept;
            files.add(new Rendered.FileAttachment("reply.txt", "reply.txt", plain.getBytes(StandardCharsets.UTF_8),
                    false));
        }
        return new Rendered(blocks, fallback(prefix + plain), files);
    }

    /** The words Slack shows in a notification: the reply's text, shortened. */
    static String fallback(String text) {
        return text.length() <= FALLBACK_CHARS ? text : text.substring(0, FALLBACK_CHARS - 1) + "…";
    }

    static String tonePrefix(Reply.Tone tone) {
        return switch (tone) {
            case INFO -> "";
            case SUCCESS -> "\u2705 ";
            case WARNING -> "\u26A0\uFE0F ";
            case ERROR -> "\u274C ";
        };
    }

    private static void text(List<LayoutBlock> blocks, String lead, TextBlock text) {
        if (text.style() == TextStyle.HEADING && lead.length() + text.text().length() <= HEADER_CHARS) {
            blocks.add(HeaderBlock.builder().text(plain(lead + text.text())).build());
            return;
        }
        if (text.style() == TextStyle.CODE) {
            for (String chunk : chunks(escapeCode(text.text()), SECTION_CHARS - 8)) {
                blocks.add(SectionBlock.builder().text(MarkdownTextObject.builder()
                        .text("```" + chunk + "```").verbatim(true).build()).build());
            }
            return;
        }
        for (String chunk : chunks(lead + text.text(), SECTION_CHARS)) {
            blocks.add(SectionBlock.builder().text(plain(chunk)).build());
        }
    }

    private static void fields(List<LayoutBlock> blocks, String lead, FieldsBlock fields) {
        List<TextObject> current = new ArrayList<>();
        if (!lead.isEmpty()) {
            blocks.add(SectionBlock.builder().text(plain(lead.strip())).build());
        }
        for (FieldsBlock.Field field : fields.fields()) {
            current.add(plain(cut(field.label() + ": " + field.value(), FIELD_CHARS)));
            if (current.size() == FIELDS_PER_SECTION) {
                blocks.add(SectionBlock.builder().fields(current).build());
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            blocks.add(SectionBlock.builder().fields(current).build());
        }
        for (FieldsBlock.Field field : fields.fields()) {
            if (field.at() != null) {
                blocks.add(readerTime(field.label(), field.at()));
            }
        }
    }

    /** A moment in each reader's own time zone; the token is the only mrkdwn, the label stays plain text. */
    private static ContextBlock readerTime(String label, Instant at) {
        return ContextBlock.builder().elements(List.of(plain(cut(label, FIELD_CHARS) + " \u2192"),
                MarkdownTextObject.builder().text(dateToken(at)).build())).build();
    }

    /**
     * {@code at} as mrkdwn that Slack renders in each reader's own time zone ({@code <!date^…>}); the text after
     * {@code |} is the fallback, in UTC.
     */
    static String dateToken(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|"
                + DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)) + ">";
    }

    private static void table(List<LayoutBlock> blocks, List<Rendered.FileAttachment> files, TableBlock table,
                              int number) {
        String aligned = TextTables.align(table.headers(), table.rows());
        boolean fits = table.rows().size() <= INLINE_TABLE_ROWS && escapeCode(aligned).length() <= SECTION_CHARS - 8;
        if (fits) {
            blocks.add(SectionBlock.builder().text(MarkdownTextObject.builder()
                    .text("```" + escapeCode(aligned) + "```").verbatim(true).build()).build());
            return;
        }
        String filename = number == 1 ? "table.csv" : "table-" + number + ".csv";
        String preview = TextTables.align(table.headers(), table.rows().subList(0, PREVIEW_TABLE_ROWS));
        String shown = escapeCode(preview);
        if (shown.length() > SECTION_CHARS - 8) {
            shown = shown.substring(0, SECTION_CHARS - 9) + "…";
        }
        blocks.add(SectionBlock.builder().text(MarkdownTextObject.builder()
                .text("```" + shown + "```").verbatim(true).build()).build());
        blocks.add(context("\uD83D\uDCCE " + filename + " (" + table.rows().size() + ")"));
        files.add(new Rendered.FileAttachment(filename, filename,
                TextTables.csv(table.headers(), table.rows()).getBytes(StandardCharsets.UTF_8), false));
    }

    private static LayoutBlock actions(io.vdibot.commands.reply.ActionsBlock actions) {
        List<BlockElement> buttons = new ArrayList<>();
        for (Action action : actions.actions()) {
            ButtonElement.ButtonElementBuilder button = ButtonElement.builder()
                    .text(plain(cut(action.label(), BUTTON_LABEL_CHARS)))
                    .actionId(actionIdOf(action))
                    .value(action.value());
            if (action.style() == Action.Style.PRIMARY) {
                button.style("primary");
            } else if (action.style() == Action.Style.DANGER) {
                button.style("danger");
            }
            buttons.add(button.build());
        }
        return ActionsBlock.builder().elements(buttons).build();
    }

    /** Approve and reject keep their own ids (their handlers differ); any other command button is {@code cmd.<id>}. */
    static String actionIdOf(Action action) {
        return switch (action.actionId()) {
            case Action.APPROVE, Action.REJECT -> action.actionId();
            default -> COMMAND_ACTION_PREFIX + action.actionId();
        };
    }

    static ContextBlock context(String text) {
        return ContextBlock.builder().elements(List.of(plain(cut(text, SECTION_CHARS)))).build();
    }

    static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text.isEmpty() ? " " : text).emoji(false).build();
    }

    /** What mrkdwn must not see unescaped; inside a code block nothing else is interpreted. */
    static String escapeCode(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("```", "`\u200B``");
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static List<String> chunks(String text, int size) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + size);
            if (end < text.length()) {
                int newline = text.lastIndexOf('\n', end);
                if (newline > start) {
                    end = newline + 1;
                }
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        if (chunks.isEmpty()) {
            chunks.add(" ");
        }
        return chunks;
    }
}
