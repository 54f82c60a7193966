package io.vdibot.core.realservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the binaries of the servers that Debian packages install (MariaDB and Galera, OpenLDAP's slapd). Without
 * them a test is skipped with a message naming what is missing, so that {@code ./mvnw verify} passes on a machine
 * that has none; under the {@code real-servers} profile (system property {@code vdibot.real-servers.required=true},
 * which {@code .ci/run} enables after installing the packages) a missing binary fails the test instead.
 */
public final class RealServers {

    public static final String REQUIRED_PROPERTY = "vdibot.real-servers.required";
    private static final List<String> SEARCH_PATH = List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin",
            "/usr/local/bin", "/sbin", "/bin");

    private RealServers() {
    }

    public static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    /**
     * The path of each program (looked up on {@code PATH} and in the usual system directories) or file (an absolute
     * path), in order; skips the test, or fails it under the profile, when any is missing.
     */
    public static List<Path> require(String packages, String... programsOrFiles) {
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : programsOrFiles) {
            Optional<Path> path = locate(name);
            if (path.isPresent()) {
                found.add(path.get());
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            String message = "real-server test needs " + String.join(", ", missing) + " (Debian: apt-get install "
                    + packages + "; .ci/install-real-servers does it)";
            if (required()) {
                throw new AssertionError(message + "; " + REQUIRED_PROPERTY + "=true makes this a failure");
            }
            Assumptions.abort(message + "; skipped");
        }
        return found;
    }

    static Optional<Path> locate(String name) {
        if (name.startsWith("/")) {
            Path path = Path.of(name);
            return Files.exists(path) ? Optional.of(path) : Optional.empty();
        }
        List<String> dirs = new ArrayList<>();
        String env = System.getenv("PATH");
        if (env != null) {
            dirs.addAll(List.of(env.split(":")));
        }
        dirs.addAll(SEARCH_PATH);
        for (String dir : dirs) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A TCP port free on loopback right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a short command to its end and returns what it printed; fails with that output on a non-zero exit. */
    public static String run(Path workDir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes());
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
