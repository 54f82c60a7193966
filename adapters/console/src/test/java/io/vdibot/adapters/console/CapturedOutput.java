package io.vdibot.adapters.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A console whose printed lines a test can read back. */
final class CapturedOutput {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final ConsoleOutput output = new ConsoleOutput(stream);

    ConsoleOutput output() {
        return output;
    }

    PrintStream stream() {
        return stream;
    }

    List<String> lines() {
        synchronized (stream) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
        }
    }
}
