package io.vdibot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A secret inline or in a file; a file that cannot serve is one line naming its property, never its content. */
class SecretsTest {

    private static final String PROPERTY = "vdibot.slack.bot-token-file";

    @TempDir
    Path dir;

    @Test
    void theInlineValueWinsAndAFileServesWithoutItsFinalNewline() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "from-file\n");
        assertThat(Secrets.read("inline", file, PROPERTY)).isEqualTo("inline");
        assertThat(Secrets.read(" ", file, PROPERTY)).isEqualTo("from-file");
        assertThat(Secrets.read(null, null, PROPERTY)).isNull();
    }

    @Test
    void aMissingFileIsNamedWithItsProperty() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> Secrets.read(null, missing, PROPERTY))
                .isInstanceOfSatisfying(SecretFileException.class, e -> assertThat(e.problems())
                        .containsExactly(PROPERTY + ": " + missing + " does not exist."));
    }

    @Test
    void anEmptyFileADirectoryAndBinaryContentAreRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        assertThatThrownBy(() -> Secrets.readFile(empty, PROPERTY)).isInstanceOfSatisfying(SecretFileException.class,
                e -> assertThat(e.problems()).containsExactly(PROPERTY + ": " + empty + " is empty."));
        assertThatThrownBy(() -> Secrets.readFile(dir, PROPERTY)).isInstanceOfSatisfying(SecretFileException.class,
                e -> assertThat(e.problems()).containsExactly(PROPERTY + ": " + dir + " is a directory, not a file."));
        Path binary = Files.write(dir.resolve("binary"), new byte[] {(byte) 0xC3, (byte) 0x28, 'x'});
        assertThatThrownBy(() -> Secrets.readFile(binary, PROPERTY)).isInstanceOfSatisfying(SecretFileException.class,
                e -> assertThat(e.problems()).containsExactly(PROPERTY + ": " + binary + " is not UTF-8 text."));
    }

    @Test
    void theStartUpReportListsEveryProblemOnItsOwnLine() {
        SecretFileException failure = new SecretFileException(
                java.util.List.of("a-file: /x does not exist.", "b-file: /y is empty."));
        FailureAnalysis analysis = new SecretFileFailureAnalyzer().analyze(new IllegalStateException(failure));
        assertThat(analysis.getDescription().lines())
                .containsExactly("A secret file cannot be read:", "a-file: /x does not exist.", "b-file: /y is empty.");
        assertThat(analysis.getAction()).contains("deploy/README.md");
        assertThat(failure.getStackTrace()).as("reported without a stack trace").isEmpty();
    }
}
