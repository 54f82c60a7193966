package io.vdibot.commands.reply;

import java.util.List;
import java.util.Objects;

/** Label/value pairs, e.g. the properties of a pool. */
public record FieldsBlock(List<Field> fields) implements Block {

    public FieldsBlock {
        fields = List.copyOf(fields);
    }

    public record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }
}
