package io.vdibot.persistence.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Detects a {@code mariadbd} that outlived the JVM which started it (e.g. after {@code kill -9}) and
 * still runs on the data directory. A new server would wait 30 seconds for that one's Aria lock and
 * then fail with a message that does not say why; this says why at once.
 */
final class LeftoverServer {

    /** Passed to mariadbd as {@code --pid-file}, so the file's place does not depend on the host name. */
    static final String PID_FILE = "mariadbd.pid";

    private LeftoverServer() {
    }

    static void refuseIfRunning(Path dataDir) {
        Optional<Long> pid = readPid(dataDir.resolve(PID_FILE));
        if (pid.isEmpty()) {
            return;
        }
        // The pid file may be stale and its number reused by another program: only a process whose
        // command line names this data directory counts.
        boolean serverOnThisDir = ProcessHandle.of(pid.get())
                .filter(ProcessHandle::isAlive)
                .flatMap(process -> process.info().commandLine())
                .filter(commandLine -> commandLine.contains(dataDir.toString()))
                .isPresent();
        if (serverOnThisDir) {
            throw new IllegalStateException("A MariaDB server left over from an earlier run (pid " + pid.get()
                    + ") still uses " + dataDir + "; stop it before starting the embedded database");
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
