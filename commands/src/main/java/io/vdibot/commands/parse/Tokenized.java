package io.vdibot.commands.parse;

import java.util.List;

/** A command line split into tokens, plus quoting mistakes found on the way. */
public record Tokenized(List<Token> tokens, List<FieldError> errors) {

    public Tokenized {
        tokens = List.copyOf(tokens);
        errors = List.copyOf(errors);
    }
}
