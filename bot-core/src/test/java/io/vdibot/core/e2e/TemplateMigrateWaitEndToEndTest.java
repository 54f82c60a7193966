package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two migrations through one export domain: the second, approved while the first holds the domain, waits (WAITING,
 * shown by {@code /vdi locks}) instead of failing, and runs when the domain is free.
 */
class TemplateMigrateWaitEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(180);
    private static final String LOCK = "export-domain:nfs.vdi.example:/exports/vdi-export";
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void aMigrationFindingTheDomainInAnotherTasksHandsWaitsAndRunsWhenItIsFree() {
        ResourceLeaseRepository leases = bot.bean(ResourceLeaseRepository.class);
        // another bot process's migration holds the domain; it releases it without telling this process
        assertThat(leases.tryAcquire(LOCK, "node-elsewhere", 4343L, "template migrate elsewhere")).isTrue();
        bot.type("/login alice");
        bot.type("/vdi template migrate rhel9-desktop from=dc1 to=dc2 cluster=Linux-Desktops storage=sg-data-01 "
                + "as=rhel9-queued");
        String task = bot.awaitGroup("\\[(T\\d+)\\] Task T\\d+ \\(template migrate rhel9-desktop from=dc1 to=dc2 "
                + "as=rhel9-queued\\) is waiting for an approver", WAIT);
        bot.type("/login bob");
        bot.type("/vdi approve " + task);
        bot.awaitIn(task, "waits: export domain vdi-export \\(nfs.vdi.example:/exports/vdi-export\\) is in use by "
                + "task T4343\\.", RUN);
        String locks = bot.send("/vdi locks");
        bot.awaitIn(locks, Pattern.quote(LOCK) + " +T4343 .* " + task + "$", WAIT);
        // how long it has been held, next to when it was taken and before what it is held for
        assertThat(bot.thread(locks)).anyMatch(line -> line.matches(".*Since \\(\\S+\\) +Held for +Purpose +.*"))
                .anyMatch(line -> line.matches(Pattern.quote(LOCK)
                        + " +T4343 +node-elsewhere +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +\\d+ (ms|s|min)( \\d+ s)? +template migrate elsewhere +"
                        + task));

        leases.forceRelease(LOCK);
        bot.awaitIn(task, "^ok: == |^error: ", RUN);
        assertThat(bot.thread(task)).contains("ok: == Template rhel9-desktop version 1 arrived at site dc2 as "
                + "rhel9-queued ==");
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(leases.find(LOCK)).isEmpty();
        bot.type("/login alice");
    }
}
