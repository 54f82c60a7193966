package io.vdibot.core.production;

import java.util.List;

/** The bot was started without its database, directory or engines; each problem is one line naming a property. */
public final class MissingSettingsException extends RuntimeException {

    private final List<String> problems;

    public MissingSettingsException(List<String> problems) {
        super("the bot cannot start: " + String.join(" ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
