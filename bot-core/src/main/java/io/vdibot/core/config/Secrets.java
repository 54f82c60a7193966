package io.vdibot.core.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** A secret given inline or, better, as a file (a mounted Kubernetes secret, a systemd credential). */
public final class Secrets {

    private Secrets() {
    }

    /**
     * The inline value when set, else the file's content, else {@code null}. Surrounding white space (the final
     * newline most files end with) is not part of the secret.
     *
     * @param fileProperty the property naming the file, e.g. {@code vdibot.slack.bot-token-file}: a file that cannot
     *                     serve is reported with it; the path may be shown, the content never is
     * @throws SecretFileException when the file is missing, unreadable or empty
     */
    public static String read(String value, Path file, String fileProperty) {
        if (value != null && !value.isBlank()) {
            return value.trim();
        }
        if (file == null) {
            return null;
        }
        return readFile(file, fileProperty);
    }

    /**
     * The file's content without surrounding white space.
     *
     * @throws SecretFileException naming {@code fileProperty} when the file is missing, unreadable or empty
     */
    public static String readFile(Path file, String fileProperty) {
        if (Files.isDirectory(file)) {
            throw problem(fileProperty, file, "is a directory, not a file");
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            throw problem(fileProperty, file, "does not exist");
        } catch (AccessDeniedException e) {
            throw problem(fileProperty, file, "cannot be read by user " + System.getProperty("user.name"));
        } catch (CharacterCodingException e) {
            throw problem(fileProperty, file, "is not UTF-8 text");
        } catch (IOException e) {
            throw problem(fileProperty, file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (content.isEmpty()) {
            throw problem(fileProperty, file, "is empty");
        }
        return content;
    }

    private static SecretFileException problem(String property, Path file, String what) {
        return new SecretFileException(List.of(property + ": " + file + " " + what + "."));
    }
}
