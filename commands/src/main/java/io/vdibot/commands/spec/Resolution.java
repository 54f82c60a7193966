package io.vdibot.commands.spec;

import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.parse.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Which command the leading words of a line name. */
public sealed interface Resolution permits Resolution.Resolved, Resolution.Unresolved {

    /**
     * @param spec      the command
     * @param arguments the tokens after the command words
     * @param errors    quoting mistakes found while splitting the line
     */
    record Resolved(CommandSpec<?> spec, List<Token> arguments, List<FieldError> errors) implements Resolution {
        public Resolved {
            Objects.requireNonNull(spec, "spec");
            arguments = List.copyOf(arguments);
            errors = List.copyOf(errors);
        }
    }

    /**
     * @param typed      the words that were not recognised
     * @param suggestion the nearest command words (or {@code help <family>}), when one is near enough
     */
    record Unresolved(String typed, Optional<String> suggestion) implements Resolution {
        public Unresolved {
            Objects.requireNonNull(typed, "typed");
            Objects.requireNonNull(suggestion, "suggestion");
        }

        /** {@code command.unknown}, then {@code command.did-you-mean} when there is a suggestion. */
        public List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            errors.add(FieldError.of("command", "command.unknown", typed));
            suggestion.ifPresent(s -> errors.add(FieldError.of("command", "command.did-you-mean", s)));
            return errors;
        }
    }
}
