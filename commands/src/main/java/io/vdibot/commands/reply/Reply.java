package io.vdibot.commands.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the bot says, independent of the chat platform: a tone and a list of blocks. The console, Slack and Teams
 * adapters each render it; nothing here knows about them.
 */
public record Reply(Tone tone, List<Block> blocks) {

    /** Lets adapters colour or prefix a reply; it never changes the words. */
    public enum Tone {
        INFO,
        SUCCESS,
        WARNING,
        ERROR
    }

    public Reply {
        Objects.requireNonNull(tone, "tone");
        blocks = List.copyOf(blocks);
    }

    /** A one-line informational reply. */
    public static Reply text(String text) {
        return builder().text(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All text of the reply in order, for logs, notifications and tests. */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof TextBlock text) {
                out.append(text.text()).append('\n');
            } else if (block instanceof FieldsBlock fields) {
                fields.fields().forEach(f -> out.append(f.label()).append(": ").append(f.value()).append('\n'));
            } else if (block instanceof TableBlock table) {
                out.append(String.join(" | ", table.headers())).append('\n');
                table.rows().forEach(row -> out.append(String.join(" | ", row)).append('\n'));
            } else if (block instanceof ImageBlock image) {
                out.append(image.altText()).append('\n');
            } else if (block instanceof ActionsBlock actions) {
                actions.actions().forEach(a -> out.append('[').append(a.label()).append("] "));
                out.append('\n');
            }
        }
        return out.toString();
    }

    public static final class Builder {

        private Tone tone = Tone.INFO;
        private final List<Block> blocks = new ArrayList<>();

        private Builder() {
        }

        public Builder tone(Tone tone) {
            this.tone = tone;
            return this;
        }

        public Builder text(String text) {
            return block(new TextBlock(text, TextStyle.PLAIN));
        }

        public Builder heading(String text) {
            return block(new TextBlock(text, TextStyle.HEADING));
        }

        public Builder code(String text) {
            return block(new TextBlock(text, TextStyle.CODE));
        }

        public Builder fields(List<FieldsBlock.Field> fields) {
            return block(new FieldsBlock(fields));
        }

        public Builder table(List<String> headers, List<List<String>> rows) {
            return block(new TableBlock(headers, rows));
        }

        public Builder image(byte[] data, String mimeType, String filename, String altText) {
            return block(new ImageBlock(data, mimeType, filename, altText));
        }

        public Builder actions(Action... actions) {
            return block(new ActionsBlock(List.of(actions)));
        }

        public Builder block(Block block) {
            blocks.add(Objects.requireNonNull(block, "block"));
            return this;
        }

        public Reply build() {
            return new Reply(tone, blocks);
        }
    }
}
