package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.embedded.EmbeddedMariaDb;
import io.vdibot.persistence.embedded.EmbeddedMariaDbSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;

/**
 * The database goes away for a few seconds (a restart, a failover) just as requests come in: nothing that
 * was accepted is lost. A task whose answer was already given gets its trigger once the database is back,
 * and a request made during the outage is held, then accepted, answered and run.
 */
class DatabaseOutageEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final Pattern ACCEPTED = Pattern.compile("^\\[T\\d+\\] Task T\\d+ \\(.*\\) accepted");
    private static BotHarness bot;
    private static EmbeddedMariaDb replacement;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        try {
            bot.close();
        } finally {
            if (replacement != null) {
                replacement.close();
            }
        }
    }

    @Test
    void nothingAcceptedIsLostWhileTheDatabaseIsBrieflyDown() throws Exception {
        EmbeddedMariaDb database = bot.bean(EmbeddedMariaDb.class);
        EmbeddedMariaDbSettings same = EmbeddedMariaDbSettings.defaults().withDataDir(database.dataDir())
                .withPort(database.port()).withCredentials(database.user(), database.password());
        // The database stops at the worst moment: the task is stored and its answer printed, its trigger not yet
        // stored (the answer is printed on the thread that stores the trigger next).
        AtomicBoolean armed = new AtomicBoolean(true);
        bot.onLine(line -> {
            if (ACCEPTED.matcher(line).find() && armed.getAndSet(false)) {
                database.close();
            }
        });
        bot.type("/login alice");
        bot.type("/vdi vm create dbout-00 template=rhel9-desktop at=+1h");
        // the first task answer of this bot (the database cannot be asked now)
        String announced = bot.awaitGroup("^\\[(T\\d+)\\] Task T\\d+ \\(.*\\) accepted; it will run at", WAIT);
        assertThat(database.isRunning()).isFalse();

        // a request while the database is down: held, not refused
        String line = bot.send("/vdi vm create dbout-01 template=rhel9-desktop");
        Thread.sleep(4000);
        assertThat(bot.thread(line)).isEmpty();
        assertThat(bot.lines()).noneMatch(l -> l.contains("dbout-01"));

        replacement = EmbeddedMariaDb.start(same);

        String task = bot.awaitTask("dbout-01", WAIT);
        bot.awaitIn(task, "accepted; it will run now", WAIT);
        bot.awaitIn(task, "^ok: .*dbout-01", RUN);
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(bot.tasksNamed("dbout-01")).isEqualTo(1);
        assertThat(bot.vmCreations("dc1", "dbout-01")).isEqualTo(1);

        // the task announced before the outage will run at its time: it has its trigger
        assertThat(bot.awaitTask("dbout-00", WAIT)).isEqualTo(announced);
        long id = bot.task(announced).id();
        assertThat(bot.task(announced).status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(bot.bean(Scheduler.class).checkExists(JobKey.jobKey("T" + id, "tasks"))).isTrue();

        assertThat(bot.lines()).noneMatch(l -> l.matches("^\\[[^]]+\\] error: .*"));
        assertThat(bot.thread(line)).isEmpty();
    }
}
