package io.vdibot.core.config;

import java.util.List;

/**
 * A {@code *-file} property names a file that cannot serve as the secret: missing, unreadable or empty. Each problem
 * is one line naming the property and the path, never the content.
 */
public final class SecretFileException extends RuntimeException {

    private final List<String> problems;

    public SecretFileException(List<String> problems) {
        super(String.join(" ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
