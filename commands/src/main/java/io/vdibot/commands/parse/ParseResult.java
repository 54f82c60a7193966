package io.vdibot.commands.parse;

import io.vdibot.commands.spec.VdiRequest;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of parsing a command line or a form: the typed request, or the list of mistakes with the command's
 * usage line. Mistakes are values: nothing is created and nothing is thrown.
 */
public sealed interface ParseResult<R extends VdiRequest> permits ParseResult.Valid, ParseResult.Invalid {

    boolean isValid();

    /** The request; only for a valid result. */
    R request();

    /** The mistakes, in the order of the command's arguments; empty for a valid result. */
    List<FieldError> errors();

    /** The command id, or {@code null} when the command words were not recognised. */
    String commandId();

    /** Views any result as a result of the base request type; safe because results are immutable. */
    @SuppressWarnings("unchecked")
    static ParseResult<VdiRequest> widen(ParseResult<? extends VdiRequest> result) {
        return (ParseResult<VdiRequest>) result;
    }

    record Valid<R extends VdiRequest>(R request) implements ParseResult<R> {

        public Valid {
            Objects.requireNonNull(request, "request");
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public List<FieldError> errors() {
            return List.of();
        }

        @Override
        public String commandId() {
            return request.commandId();
        }
    }

    /**
     * @param commandId the command, {@code null} for unknown command words
     * @param usageKey  the message key of the usage line to show ({@code help.usage} for an unknown command)
     * @param usage     the same usage line in the grammar's own (English) words
     * @param errors    at least one mistake
     */
    record Invalid<R extends VdiRequest>(String commandId, String usageKey, String usage, List<FieldError> errors)
            implements ParseResult<R> {

        public Invalid {
            Objects.requireNonNull(usageKey, "usageKey");
            Objects.requireNonNull(usage, "usage");
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result names at least one mistake");
            }
        }

        @Override
        public boolean isValid() {
            return false;
        }

        @Override
        public R request() {
            throw new IllegalStateException("invalid " + commandId + ": " + errors);
        }
    }
}
