package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.fail;

import io.vdibot.core.VdiBotApplication;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The bot as a real process of its own, with its console on the process's standard input: what a test needs
 * to kill one with SIGKILL, or to run several against one database. Standard output (the console's threads)
 * and standard error (the logs) go to files, kept for diagnosis.
 */
public final class BotProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final Path stdout;
    private final Path stderr;

    private BotProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code java -cp <this test's class path> io.vdibot.core.VdiBotApplication <args>}, with its output
     * in {@code <logDir>/<name>.out} and {@code <logDir>/<name>.err}.
     */
    public static BotProcess launch(String name, Path logDir, List<String> jvmOptions, List<String> args) {
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(name + ".out");
            Path err = logDir.resolve(name + ".err");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-Dfile.encoding=UTF-8");
            String binaries = System.getProperty("vdibot.embedded-database.binaries-dir");
            if (binaries != null) {
                command.add("-Dvdibot.embedded-database.binaries-dir=" + binaries);
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(VdiBotApplication.class.getName());
            command.addAll(args);
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            return new BotProcess(name, process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start bot process " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Types a line into the bot's console; standard input stays open, so the bot keeps running. */
    public void type(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + name, e);
        }
    }

    /** What the bot's console printed so far. */
    public List<String> lines() {
        try {
            return Files.exists(stdout) ? Files.readAllLines(stdout, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return lines().stream().filter(l -> pattern.matcher(l).find()).count();
    }

    /** Waits for a console line matching {@code regex}; fails early if the process dies. */
    public String await(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines()) {
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + " before printing «" + regex + "»; see "
                        + stdout + " and " + stderr + "\n" + tail());
            }
            sleep(100);
        }
        fail("no line matching «" + regex + "» from " + name + " within " + timeout + "; printed:\n"
                + String.join("\n", lines()) + "\n" + tail());
        return null;
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                fail(name + " still runs after " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything the process printed, standard output then standard error. */
    public List<String> allOutput() {
        try {
            List<String> all = new ArrayList<>(lines());
            if (Files.exists(stderr)) {
                all.addAll(Files.readAllLines(stderr, StandardCharsets.UTF_8));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no clean-up, as when a node is lost. */
    public void kill() {
        process.destroyForcibly();
        waitFor(30);
    }

    /** SIGTERM, then SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            stdin.close();
        } catch (IOException ignored) {
            // it is being stopped anyway
        }
        process.destroy();
        if (!waitFor(30)) {
            process.destroyForcibly();
            waitFor(30);
        }
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try {
            List<String> log = Files.exists(stderr) ? Files.readAllLines(stderr, StandardCharsets.UTF_8) : List.of();
            return "last log lines of " + name + ":\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
