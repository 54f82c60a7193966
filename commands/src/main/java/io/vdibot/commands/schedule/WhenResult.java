package io.vdibot.commands.schedule;

import java.util.List;
import java.util.Objects;

/** The outcome of reading a WHEN expression: a schedule, or a message key with its arguments. */
public sealed interface WhenResult permits WhenResult.Valid, WhenResult.Invalid {

    record Valid(Schedule schedule) implements WhenResult {
        public Valid {
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /**
     * @param messageKey {@code arg.bad-when}, {@code arg.bad-zone} or {@code arg.when-in-past}
     * @param args       what the message quotes after the field name: the text, the zone, or the resolved time
     */
    record Invalid(String messageKey, List<String> args) implements WhenResult {
        public Invalid {
            Objects.requireNonNull(messageKey, "messageKey");
            args = List.copyOf(args);
        }
    }
}
