package io.vdibot.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A secret given inline or, better, as a file (a mounted Kubernetes secret, a systemd credential). */
public final class Secrets {

    private Secrets() {
    }

    /**
     * The inline value when set, else the file's content, else {@code null}.
     *
     * @param what names the secret in the error, e.g. "Slack secret"; the path may be shown, the content never is
     */
    public static String read(String value, Path file, String what) {
        if (value != null && !value.isBlank()) {
            return value.trim();
        }
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " file " + file, e);
        }
    }
}
