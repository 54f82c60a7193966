package io.vdibot.core.command;

import java.util.List;

/** Some command has no handler, or a handler no command: the bot must not start half-wired. */
public final class IncompleteCommandsException extends IllegalStateException {

    private final List<String> problems;

    IncompleteCommandsException(List<String> problems) {
        super("the commands are incomplete: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
