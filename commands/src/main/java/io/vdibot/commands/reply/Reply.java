package io.vdibot.commands.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the bot says, independent of the chat platform: what kind of answer it is, a tone and a list of blocks. The
 * console, Slack and Teams adapters each render it by its kind; nothing here knows about them, and they never look
 * at its words to tell what it means.
 */
public record Reply(Kind kind, Tone tone, List<Block> blocks) {

    /** What the reply is to the person who reads it; adapters choose where and how to show it by this. */
    public enum Kind {
        /** The answer to a request: a view, an acceptance, a task's start or result. */
        RESULT,
        /** The request was not taken: not allowed, not understood, not valid now. Shown to the requester only. */
        REFUSAL,
        /** An approver's decision on a task; the approval card shows it in place of its buttons. */
        DECISION,
        /** Asks someone to decide: the approval card with its buttons. */
        QUESTION,
        /** How a running task is getting on; edited in place where the platform can. */
        PROGRESS,
        /**
         * A stage of a running task done (a batch, a VM up): the console prints it as a line of the thread, chat
         * platforms show it in the task's status message instead of adding a message per stage.
         */
        MILESTONE,
        /** A notice to people who did not ask: on-call completion and failure messages. */
        NOTICE
    }

    /** Lets adapters colour or prefix a reply; it never changes the words. */
    public enum Tone {
        INFO,
        SUCCESS,
        WARNING,
        ERROR
    }

    public Reply {
        Objects.requireNonNull(kind, "kind");
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

    /** A refusal in one line: the request was not taken. */
    public static Reply refusal(String text) {
        return builder().kind(Kind.REFUSAL).tone(Tone.WARNING).text(text).build();
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

        private Kind kind = Kind.RESULT;
        private Tone tone = Tone.INFO;
        private final List<Block> blocks = new ArrayList<>();

        private Builder() {
        }

        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
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
            return new Reply(kind, tone, blocks);
        }
    }
}
