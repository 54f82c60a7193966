package io.vdibot.adapters.console;

import io.vdibot.commands.Platform;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleAdapterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:30:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ConsoleOptions OPTIONS = ConsoleOptions.defaults()
            .withSessionId("s1")
            .withZone(PARIS)
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
            .withMaxIdleWait(Duration.ofSeconds(5));

    private final RecordingGateway gateway = new RecordingGateway();
    private final CapturedOutput console = new CapturedOutput();

    @Test
    void withLoginOffTheConsoleActsOnlyAsItsConfiguredUser() throws IOException {
        adapter(OPTIONS.withInitialUser("ops").withLogin(false)).run(input("""
                /login carol
                /vdi pool delete finance-win10
                """));

        assertThat(gateway.envelopes()).extracting(Envelope::identity)
                .containsExactly(new ChatIdentity(Platform.CONSOLE, "ops", null, "ops"));
        assertThat(console.lines()).anyMatch(l -> l.contains("/login is off: this console acts only as ops."));
    }

    @Test
    void pipedScriptBecomesOneEnvelopePerCommandLine() throws IOException {
        SessionSummary summary = adapter(OPTIONS).run(input("""
                # create a VM, then look at the tasks as bob
                /vdi sites

                /vdi vm create web01 template=rhel9
                /login bob
                   /vdi tasks mine
                /lang zh
                /vdi help
                """));

        assertThat(gateway.texts())
                .containsExactly("/vdi sites", "/vdi vm create web01 template=rhel9", "/vdi tasks mine",
                        "/vdi help");
        assertThat(gateway.envelopes()).extracting(e -> e.thread().threadId())
                .containsExactly("c2", "c4", "c6", "c8");
        assertThat(gateway.envelopes()).extracting(Envelope::thread).allSatisfy(thread -> {
            assertThat(thread.platform()).isEqualTo(Platform.CONSOLE);
            assertThat(thread.channelId()).isEqualTo("console");
        });
        assertThat(gateway.envelopes()).extracting(Envelope::identity).containsExactly(
                new ChatIdentity(Platform.CONSOLE, "alice", null, "alice"),
                new ChatIdentity(Platform.CONSOLE, "alice", null, "alice"),
                new ChatIdentity(Platform.CONSOLE, "bob", null, "bob"),
                new ChatIdentity(Platform.CONSOLE, "bob", null, "bob"));
        assertThat(gateway.envelopes()).extracting(Envelope::locale)
                .containsExactly(Locale.ENGLISH, Locale.ENGLISH, Locale.ENGLISH, Messages.SIMPLIFIED_CHINESE);
        assertThat(gateway.envelopes()).extracting(Envelope::idempotencyKey)
                .doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).contains("s1"));
        assertThat(gateway.envelopes()).allSatisfy(envelope -> {
            assertThat(envelope.hasForm()).isFalse();
            assertThat(envelope.receivedAt()).isEqualTo(NOW);
            assertThat(envelope.zone()).isEqualTo(PARIS);
        });
        assertThat(summary).isEqualTo(new SessionSummary(8, 4, true));
    }

    @Test
    void consoleCommandsAnswerInTheSessionLanguageAndAreNotHandedOver() throws IOException {
        ConsoleAdapter adapter = adapter(OPTIONS);

        adapter.run(input("""
                /login bob
                /whoami
                /lang zh
                /WHOAMI
                /lang en
                """));

        assertThat(gateway.envelopes()).isEmpty();
        assertThat(console.lines()).containsExactly(
                "[c1] You are now bob.",
                "[c2] You are bob on the console; replies are in English.",
                "[c3] 回复已切换为简体中文。",
                "[c4] 你在控制台上的身份是 bob；回复语言：简体中文。",
                "[c5] Replies are now in English.");
        assertThat(adapter.identity()).isEqualTo(new ChatIdentity(Platform.CONSOLE, "bob", null, "bob"));
        assertThat(adapter.locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void whoamiSaysWhenTheLanguageIsLeftToTheBot() throws IOException {
        adapter(OPTIONS.withLocale(null)).run(input("/whoami\n/vdi sites\n"));

        assertThat(console.lines())
                .containsExactly("[c1] You are alice on the console; replies are in the bot's default language.");
        assertThat(gateway.envelopes().get(0).locale()).isNull();
    }

    @Test
    void malformedConsoleCommandsPrintTheirUsageAndChangeNothing() throws IOException {
        ConsoleAdapter adapter = adapter(OPTIONS);

        adapter.run(input("/login\n/login bob smith\n/lang fr\n/lang\n"));

        assertThat(console.lines()).containsExactly(
                "[c1] error: Usage: /login USER (one word, e.g. /login bob)",
                "[c2] error: Usage: /login USER (one word, e.g. /login bob)",
                "[c3] error: Usage: /lang en|zh",
                "[c4] error: Usage: /lang en|zh");
        assertThat(adapter.identity().userId()).isEqualTo("alice");
        assertThat(adapter.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(gateway.envelopes()).isEmpty();
    }

    @Test
    void theInitialUserIsConfigurableAndAliceByDefault() throws IOException {
        assertThat(ConsoleOptions.defaults().initialUser()).isEqualTo("alice");

        adapter(OPTIONS.withInitialUser("carol")).run(input("/vdi tasks\n"));

        assertThat(gateway.envelopes().get(0).identity())
                .isEqualTo(new ChatIdentity(Platform.CONSOLE, "carol", null, "carol"));
    }

    @Test
    void twoSessionsRunningTheSameScriptUseDifferentIdempotencyKeys() throws IOException {
        String script = "/vdi sites\n/vdi tasks\n";
        ConsoleOptions defaults = ConsoleOptions.defaults().withMaxIdleWait(Duration.ofSeconds(1));

        new ConsoleAdapter(gateway, () -> true, console.output(), defaults).run(input(script));
        new ConsoleAdapter(gateway, () -> true, console.output(), ConsoleOptions.defaults()).run(input(script));

        assertThat(gateway.envelopes()).hasSize(4)
                .extracting(Envelope::idempotencyKey).doesNotHaveDuplicates();
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreNotPartOfTheCommand() throws IOException {
        adapter(OPTIONS).run(input("\uFEFF/vdi sites\r\n/vdi tasks\r\n"));

        assertThat(gateway.texts()).containsExactly("/vdi sites", "/vdi tasks");
    }

    @Test
    void endOfInputWaitsUntilTheCoreIsIdleSoTheLastAnswersArePrinted() throws IOException {
        ConsoleThreadNotifier notifier = new ConsoleThreadNotifier(console.output(), new ConsoleRenderer());
        AtomicBoolean idle = new AtomicBoolean(true);
        RecordingGateway slowCore = new RecordingGateway(envelope -> {
            idle.set(false);
            CompletableFuture.runAsync(() -> {
                notifier.post(envelope.thread(), Reply.text("done: " + envelope.text()));
                idle.set(true);
            }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        });

        SessionSummary summary = new ConsoleAdapter(slowCore, idle::get, console.output(), OPTIONS)
                .run(input("/vdi refresh\n"));

        assertThat(summary.settled()).isTrue();
        assertThat(console.lines()).containsExactly("[c1] done: /vdi refresh");
    }

    @Test
    void endOfInputGivesUpAfterTheMaximumWaitWhenTheCoreNeverBecomesIdle() throws IOException {
        ConsoleAdapter adapter = new ConsoleAdapter(gateway, () -> false, console.output(),
                OPTIONS.withMaxIdleWait(Duration.ofMillis(300)));

        long start = System.nanoTime();
        SessionSummary summary = adapter.run(input("/vdi sites\n"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(summary).isEqualTo(new SessionSummary(1, 1, false));
        assertThat(took).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
        assertThat(console.lines()).containsExactly(
                "[console] warning: The bot was still busy after 0.3 s; leaving without waiting for the rest.");
    }

    @Test
    void anInterruptEndsTheWaitAtOnceAndKeepsTheInterruptFlag() throws Exception {
        ConsoleAdapter adapter = new ConsoleAdapter(gateway, () -> false, console.output(),
                OPTIONS.withMaxIdleWait(Duration.ofMinutes(10)));
        AtomicReference<SessionSummary> summary = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread runner = new Thread(() -> {
            try {
                summary.set(adapter.run(input("/vdi sites\n")));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        runner.start();
        waitUntil(() -> gateway.envelopes().size() == 1);

        runner.interrupt();
        runner.join(5_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(summary.get().settled()).isFalse();
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void linesAreHandedOverAsTheyAreTypedNotAtTheEndOfInput() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(keyboard);
        ConsoleAdapter adapter = adapter(OPTIONS);
        CompletableFuture<SessionSummary> session = CompletableFuture.supplyAsync(() -> {
            try {
                return adapter.run(stdin);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });

        keyboard.write("/vdi sites\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        waitUntil(() -> gateway.envelopes().size() == 1);
        assertThat(session).isNotDone();

        keyboard.write("/vdi tasks\n".getBytes(StandardCharsets.UTF_8));
        keyboard.close();

        assertThat(session.get(5, TimeUnit.SECONDS)).isEqualTo(new SessionSummary(2, 2, true));
        assertThat(gateway.texts()).containsExactly("/vdi sites", "/vdi tasks");
    }

    @Test
    void aLineTheCoreRefusesIsReportedAndTheSessionGoesOn() throws IOException {
        RecordingGateway failingOnce = new RecordingGateway(envelope -> {
            if (envelope.thread().equals(ConsoleAdapter.threadOf(1))) {
                throw new IllegalStateException("queue closed");
            }
        });

        SessionSummary summary = new ConsoleAdapter(failingOnce, () -> true, console.output(), OPTIONS)
                .run(input("/vdi sites\n/vdi tasks\n"));

        assertThat(console.lines())
                .containsExactly("[c1] error: The bot could not take line 1; the log has the details.");
        assertThat(failingOnce.texts()).containsExactly("/vdi sites", "/vdi tasks");
        assertThat(summary.submitted()).isEqualTo(1);
    }

    @Test
    void theThreadOfALineIsNamedAfterItsNumber() {
        assertThat(ConsoleAdapter.threadOf(12)).isEqualTo(ThreadRef.of(Platform.CONSOLE, "console", "c12"));
    }

    private ConsoleAdapter adapter(ConsoleOptions options) {
        return new ConsoleAdapter(gateway, () -> true, console.output(), options);
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
