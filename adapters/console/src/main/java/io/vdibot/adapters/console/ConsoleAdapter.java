package io.vdibot.adapters.console;

import io.vdibot.commands.Platform;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Reads commands from a stream, one per line, and hands them to the core; the same loop serves a person at a
 * terminal and a piped script. Blank lines and lines starting with {@code #} are skipped. {@code /login USER},
 * {@code /lang en|zh} and {@code /whoami} are answered here, because they describe the console session rather
 * than ask the bot for anything; every other line goes to {@link CommandGateway#submit} in a thread of its own,
 * {@code c<N>} for input line N, so its answers are labelled with the line that caused them.
 */
public final class ConsoleAdapter {

    /** The channel id of every console thread. */
    public static final String CHANNEL = "console";

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdapter.class);
    private static final ConsoleRenderer RENDERER = new ConsoleRenderer();
    private static final long IDLE_POLL_MILLIS = 20;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CommandGateway gateway;
    private final BooleanSupplier idle;
    private final ConsoleOutput out;
    private final ConsoleOptions options;

    private volatile ChatIdentity identity;
    private volatile Locale locale;
    private int lineNumber;

    /**
     * @param idle tells whether the core has finished with everything this console handed it: submissions still
     *             being processed and tasks running count as busy (their answers are still to come), tasks
     *             scheduled for later do not (they have been handed over and may run long after the input ends)
     * @param out  shared with the {@link ConsoleThreadNotifier}, so the answers printed here and the bot's never
     *             interleave
     */
    public ConsoleAdapter(CommandGateway gateway, BooleanSupplier idle, ConsoleOutput out, ConsoleOptions options) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.out = Objects.requireNonNull(out, "out");
        this.options = Objects.requireNonNull(options, "options");
        this.identity = consoleUser(options.initialUser());
        this.locale = options.locale();
    }

    /**
     * Reads {@code in} to its end, then waits until the core is idle or {@link ConsoleOptions#maxIdleWait()} has
     * passed, and returns. {@code in} is read as UTF-8 and left open: it usually is {@code System.in}.
     */
    public SessionSummary run(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int firstLine = lineNumber + 1;
        int submitted = 0;
        String raw;
        while ((raw = reader.readLine()) != null) {
            lineNumber++;
            // Editors on Windows start UTF-8 scripts with a byte order mark, which would glue onto the first word.
            String line = (lineNumber == firstLine && !raw.isEmpty() && raw.charAt(0) == BYTE_ORDER_MARK
                    ? raw.substring(1) : raw).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!handleLocally(line) && submit(line)) {
                submitted++;
            }
        }
        boolean settled = awaitIdle();
        return new SessionSummary(lineNumber - firstLine + 1, submitted, settled);
    }

    /** The acting user: the initial user until a {@code /login}. */
    public ChatIdentity identity() {
        return identity;
    }

    /** The reply language sent with each line; {@code null} until a {@code /lang} when none was configured. */
    public Locale locale() {
        return locale;
    }

    /** The thread of input line {@code lineNumber}. */
    public static ThreadRef threadOf(int lineNumber) {
        return ThreadRef.of(Platform.CONSOLE, CHANNEL, "c" + lineNumber);
    }

    private boolean handleLocally(String line) {
        String[] words = line.split("\\s+");
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "/login" -> login(words);
            case "/lang" -> language(words);
            case "/whoami" -> whoami();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void login(String[] words) {
        if (!options.loginAllowed()) {
            // whoever types at this console is its configured user, not whoever they claim to be
            answer(Reply.Tone.ERROR, texts().format("console.login.off", identity.displayName()));
            return;
        }
        if (words.length != 2) {
            answer(Reply.Tone.ERROR, texts().format("console.login.usage"));
            return;
        }
        identity = consoleUser(words[1]);
        answer(Reply.Tone.INFO, texts().format("console.login.done", identity.displayName()));
    }

    private void language(String[] words) {
        Locale chosen = words.length == 2 ? switch (words[1].toLowerCase(Locale.ROOT)) {
            case "en" -> Locale.ENGLISH;
            case "zh" -> Messages.SIMPLIFIED_CHINESE;
            default -> null;
        } : null;
        if (chosen == null) {
            answer(Reply.Tone.ERROR, texts().format("console.lang.usage"));
            return;
        }
        locale = chosen;
        answer(Reply.Tone.INFO, texts().format("console.lang.done"));
    }

    private void whoami() {
        ConsoleTexts texts = texts();
        String language = locale == null ? texts.format("console.language.default")
                : texts.format("console.language." + Messages.forLocale(locale).locale().getLanguage());
        answer(Reply.Tone.INFO, texts.format("console.whoami", identity.userId(), language));
    }

    private boolean submit(String line) {
        Envelope envelope = Envelope.ofText(identity, threadOf(lineNumber), line,
                "console-" + options.sessionId() + "-" + lineNumber, options.clock().instant(), locale,
                options.zone());
        try {
            gateway.submit(envelope);
            return true;
        } catch (RuntimeException e) {
            // The gateway only queues; if even that fails, the session goes on with the next line.
            log.error("Console line {} was not accepted by the core", lineNumber, e);
            answer(Reply.Tone.ERROR, texts().format("console.submit.failed", lineNumber));
            return false;
        }
    }

    private boolean awaitIdle() {
        long waitNanos = saturatedNanos(options.maxIdleWait());
        long start = System.nanoTime();
        while (!idle.getAsBoolean()) {
            long left = waitNanos - (System.nanoTime() - start);
            if (left <= 0) {
                double seconds = options.maxIdleWait().toMillis() / 1000.0;
                log.warn("The core was still busy {} s after the end of console input; returning", seconds);
                out.print("[" + CHANNEL + "] ", RENDERER.render(Reply.builder().tone(Reply.Tone.WARNING)
                        .text(texts().format("console.wait.timeout", seconds)).build()));
                return false;
            }
            try {
                Thread.sleep(Math.min(IDLE_POLL_MILLIS, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void answer(Reply.Tone tone, String text) {
        out.print(ConsoleThreadNotifier.prefix(threadOf(lineNumber)),
                RENDERER.render(Reply.builder().tone(tone).text(text).build()));
    }

    private ConsoleTexts texts() {
        return ConsoleTexts.forLocale(locale);
    }

    private static ChatIdentity consoleUser(String login) {
        return new ChatIdentity(Platform.CONSOLE, login, null, login);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
