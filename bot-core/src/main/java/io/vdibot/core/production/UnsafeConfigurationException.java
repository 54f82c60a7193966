package io.vdibot.core.production;

import java.util.List;

/** Production mode found configuration it must not run with; each problem is one line naming a property. */
public final class UnsafeConfigurationException extends RuntimeException {

    private final List<String> problems;

    public UnsafeConfigurationException(List<String> problems) {
        super("production mode refuses to start: " + String.join(" ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
