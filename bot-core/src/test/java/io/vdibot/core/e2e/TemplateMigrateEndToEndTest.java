package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.rhev.simulator.Simulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code template migrate} typed in the console: approved by bob, run as one task whose thread shows the steps and
 * where the export domain is; its lock listed by {@code /vdi locks} while it runs and gone after; a lock left behind
 * released by an administrator and not by a requester.
 */
class TemplateMigrateEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(120);
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

    private static String templateStatus(String site, String name) {
        var engine = bot.bean(Simulator.class).site(site).engine();
        return engine.read(() -> engine.estate().templates.values().stream().filter(t -> t.name.equals(name))
                .map(t -> t.status).findFirst().orElse("absent"));
    }

    @Test
    void anApprovedMigrationMovesTheTemplateAndTellsWhereTheExportDomainIs() {
        bot.type("/login alice");
        bot.type("/vdi template migrate rhel8-server from=dc1 to=dc2 cluster=Linux-Desktops storage=sg-data-01");
        String task = bot.awaitTask("rhel8-server", WAIT);
        bot.awaitIn(task, "waiting for an approver", WAIT);

        bot.type("/login bob");
        String approve = bot.send("/vdi approve " + task);
        bot.awaitIn(approve, "^ok: Task " + task + " \\(template.migrate\\) was approved", WAIT);
        bot.awaitIn(task, "has started", RUN);
        assertThat(bot.awaitIn(task, "exported to export domain", RUN))
                .isEqualTo("Template rhel8-server (version 1) exported to export domain vdi-export at site dc1.");

        // while it runs, its lock is listed: resource, task, node, since when
        bot.type("/login alice");
        String during = bot.send("/vdi locks");
        String row = bot.awaitIn(during, LOCK, WAIT);
        assertThat(row).contains(task).contains("template migrate rhel8-server from dc1 to dc2")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(bot.thread(during)).anyMatch(l -> l.contains("Since (Europe/Paris)"));

        bot.awaitIn(task, "^ok: == Template rhel8-server version 1 arrived at site dc2 as rhel8-server ==", RUN);
        List<String> thread = bot.thread(task);
        assertThat(thread)
                .contains("Export domain vdi-export is active in data center Singapore-DC at site dc2.",
                        "Template rhel8-server version 1 arrived at site dc2 as rhel8-server, OK in cluster "
                                + "Linux-Desktops.",
                        "Export domain vdi-export is active in data center Paris-DC at site dc1.")
                .anyMatch(l -> l.matches("Export domain now: +vdi-export \\(nfs.vdi.example:/exports/vdi-export\\): "
                        + "attached to data center Paris-DC at site dc1 \\(active\\)"))
                .anyMatch(l -> l.matches("Detach at the source +\\d+ (ms|s)"))
                .anyMatch(l -> l.matches("Import template +\\d+ (ms|s)"))
                .anyMatch(l -> l.matches("Attach back at the source +\\d+ (ms|s)"));
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(templateStatus("dc2", "rhel8-server")).isEqualTo("ok");

        String after = bot.send("/vdi locks");
        assertThat(bot.awaitIn(after, ".+", WAIT)).isEqualTo("No locks are held.");
        assertThat(bot.lines()).anyMatch(l -> l.startsWith("[on-call]") && l.contains(task));
    }

    @Test
    void aLockLeftBehindIsReleasedByAnAdministratorOnly() {
        String stale = "export-domain:nfs-old.vdi.example:/exports/retired";
        bot.bean(ResourceLeaseRepository.class).tryAcquire(stale, "node-gone", 4242L, "template migrate lost");

        bot.type("/login alice");
        String listed = bot.send("/vdi locks");
        assertThat(bot.awaitIn(listed, stale, WAIT)).contains("T4242").contains("node-gone");
        String denied = bot.send("/vdi locks release " + stale);
        assertThat(bot.awaitIn(denied, "^warning: ", WAIT)).isEqualTo("warning: Sorry, you are not allowed to do that.");
        assertThat(bot.bean(ResourceLeaseRepository.class).find(stale)).isPresent();

        bot.type("/login carol");
        String released = bot.send("/vdi locks release " + stale);
        assertThat(bot.awaitIn(released, "Released", WAIT)).matches("Released the lock on " + stale.replace(".", "\\.")
                + ", held by task T4242 \\(node node-gone\\) since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+\\.");
        assertThat(bot.bean(ResourceLeaseRepository.class).find(stale)).isEmpty();
        String again = bot.send("/vdi locks release " + stale);
        assertThat(bot.awaitIn(again, ".+", WAIT)).isEqualTo("No lock is held on " + stale + ".");
        bot.type("/login alice");
    }
}
