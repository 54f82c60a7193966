package io.vdibot.commands.reply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Label/value pairs, e.g. the properties of a pool. */
public record FieldsBlock(List<Field> fields) implements Block {

    public FieldsBlock {
        fields = List.copyOf(fields);
    }

    /**
     * @param at the moment {@code value} names, when it names one (e.g. when a task runs); platforms that can show a
     *           time in each reader's own zone add it, so that a channel's readers need not convert {@code value}
     */
    public record Field(String label, String value, Instant at) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }

        public Field(String label, String value) {
            this(label, value, null);
        }
    }
}
