package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.task.TaskStatus;
import io.vdibot.persistence.embedded.EmbeddedMariaDb;
import io.vdibot.persistence.embedded.EmbeddedMariaDbSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away for a few seconds (a restart, a failover) just as a request comes in: the request
 * is held, not dropped, and once the database is back it is accepted, answered and run.
 */
class DatabaseOutageEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration RUN = Duration.ofSeconds(90);
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
    void aRequestMadeWhileTheDatabaseIsDownIsAcceptedAndRunsOnceItIsBack() throws Exception {
        bot.type("/login alice");
        // a first request, so the outage meets a bot that has been working
        bot.type("/vdi vm create dbout-00 template=rhel9-desktop");
        bot.awaitIn(bot.awaitTask("dbout-00", WAIT), "^ok: .*dbout-00", RUN);

        EmbeddedMariaDb database = bot.bean(EmbeddedMariaDb.class);
        EmbeddedMariaDbSettings same = EmbeddedMariaDbSettings.defaults().withDataDir(database.dataDir())
                .withPort(database.port()).withCredentials(database.user(), database.password());
        database.close();

        String line = bot.send("/vdi vm create dbout-01 template=rhel9-desktop");
        Thread.sleep(4000);
        // held, not refused: nothing said yet, neither in the line's thread nor as an error anywhere
        assertThat(bot.thread(line)).isEmpty();
        assertThat(bot.lines()).noneMatch(l -> l.contains("dbout-01") || l.startsWith("error"));

        replacement = EmbeddedMariaDb.start(same);

        String task = bot.awaitTask("dbout-01", WAIT);
        bot.awaitIn(task, "accepted; it will run now", WAIT);
        bot.awaitIn(task, "^ok: .*dbout-01", RUN);
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(bot.tasksNamed("dbout-01")).isEqualTo(1);
        assertThat(bot.vmCreations("dc1", "dbout-01")).isEqualTo(1);
        assertThat(bot.thread(line)).isEmpty();
    }
}
