package io.vdibot.adapters.console;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Prints groups of lines so that a group is never split by another thread's output: task threads post from worker
 * threads while the adapter answers console commands on the reading thread.
 */
public final class ConsoleOutput {

    private final PrintStream stream;

    public ConsoleOutput(PrintStream stream) {
        this.stream = Objects.requireNonNull(stream, "stream");
    }

    /**
     * Standard output encoded as UTF-8. On Java 17 {@code System.out} uses the platform encoding, which turns
     * Chinese replies into question marks under a POSIX locale.
     */
    public static ConsoleOutput stdout() {
        return new ConsoleOutput(new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8));
    }

    /** Prints {@code lines} as one uninterrupted group, each prefixed with {@code prefix}. */
    public void print(String prefix, List<String> lines) {
        // Locking the stream itself keeps two ConsoleOutputs over the same stream from interleaving too.
        synchronized (stream) {
            for (String line : lines) {
                stream.println(line.isEmpty() ? prefix.stripTrailing() : prefix + line);
            }
            stream.flush();
        }
    }
}
