package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.core.pipeline.RequestPipeline;
import io.vdibot.core.pipeline.WorkTracker;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code template migrate} where the export domain is not at the source, or a version is named, or a name is
 * already promised: an export domain an earlier migration left at the target is brought back by the next one; a
 * domain no engine knows, or another task holds, a version the source does not have, and a name a waiting migration
 * will create at its target are refused in the console before any task exists.
 */
class TemplateMigrateDomainEndToEndTest {

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

    private static Engine engine(String site) {
        return bot.bean(Simulator.class).site(site).engine();
    }

    /** The shared export domain as an engine knows it, if it does. */
    private static Optional<StorageDomainEntity> exportDomain(String site) {
        Engine engine = engine(site);
        return engine.read(() -> engine.estate().storageDomains.values().stream()
                .filter(d -> d.name.equals("vdi-export")).findFirst());
    }

    /** Sends {@code line} as alice and returns the refusal's line that contains {@code words}. */
    private static String refusal(String line, String words) {
        bot.type("/login alice");
        String thread = bot.send(line);
        bot.awaitIn(thread, "^warning: I could not run that command:", WAIT);
        return bot.awaitIn(thread, Pattern.quote(words), WAIT);
    }

    /** Asks as alice, approves as bob, and returns the task once it has ended with the result line. */
    private static String migrate(String line, String name, int nth, String resultLine) {
        bot.type("/login alice");
        bot.type(line);
        String task = bot.awaitTask(name, nth, WAIT);
        bot.awaitIn(task, "waiting for an approver", WAIT);
        bot.type("/login bob");
        bot.type("/vdi approve " + task);
        bot.awaitIn(task, "^ok: == |^error: ", RUN); // the result, not the approval's "ok:"
        assertThat(bot.thread(task)).as("the result of " + task).contains(resultLine);
        bot.type("/login alice");
        return task;
    }

    /** Until every request handed over has been answered (no task runs here, so this is the pipeline's work). */
    private static void awaitIdle() {
        WorkTracker work = bot.bean(WorkTracker.class);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!work.idle()) {
            assertThat(System.nanoTime()).as("requests still in flight after " + WAIT).isLessThan(deadline);
            LockSupport.parkNanos(20_000_000L);
        }
    }

    @Test
    void anExportDomainLeftAtTheTargetIsBroughtBackByTheNextMigration() {
        String first = migrate("/vdi template migrate rhel8-server from=dc1 to=dc2 cluster=Linux-Desktops "
                + "storage=sg-data-01 as=rhel8-left move-back=false", "rhel8-server", 1,
                "ok: == Template rhel8-server version 1 arrived at site dc2 as rhel8-left ==");
        assertThat(bot.task(first).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(exportDomain("dc1")).as("left at the target").isEmpty();
        assertThat(exportDomain("dc2")).hasValueSatisfying(d -> assertThat(d.status).isEqualTo("active"));

        // accepted although the source has no export domain: the migration brings it back first
        String second = migrate("/vdi template migrate rhel8-server from=dc1 to=dc2 cluster=Linux-Desktops "
                + "storage=sg-data-01 as=rhel8-back", "rhel8-server", 2,
                "ok: == Template rhel8-server version 1 arrived at site dc2 as rhel8-back ==");

        assertThat(bot.task(second).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(bot.thread(second))
                .contains("Export domain vdi-export brought from data center Singapore-DC at site dc2 (active) to "
                        + "data center Paris-DC at site dc1.")
                .anyMatch(l -> l.matches("Export domain brought from: +data center Singapore-DC at site dc2 "
                        + "\\(active\\)"))
                .anyMatch(l -> l.matches("Export domain now: +vdi-export \\(nfs.vdi.example:/exports/vdi-export\\): "
                        + "attached to data center Paris-DC at site dc1 \\(active\\)"))
                .anyMatch(l -> l.matches("Detach where it was +\\d+ (ms|s)"))
                .anyMatch(l -> l.matches("Attach at the source +\\d+ (ms|s)"));
        assertThat(exportDomain("dc1")).hasValueSatisfying(d -> assertThat(d.status).isEqualTo("active"));
        assertThat(exportDomain("dc2")).isEmpty();
        assertThat(bot.bean(ResourceLeaseRepository.class).find(LOCK)).isEmpty();
    }

    @Test
    void aDomainNoEngineKnowsIsRefusedBeforeAnyTask() {
        String request = "/vdi template migrate win10-22h2 from=dc1 to=dc2 cluster=Win-Desktops storage=sg-data-01 "
                + "as=win10-sg";
        // the domain gone from every engine (only the NFS server has it): nowhere to bring it from
        Engine paris = engine("dc1");
        StorageDomainEntity domain = exportDomain("dc1").orElseThrow();
        paris.write(() -> paris.estate().storageDomains.remove(domain.id));
        try {
            assertThat(refusal(request, "none can be brought")).isEqualTo("No export domain is attached to data "
                    + "center Paris-DC at site dc1, and none can be brought there: the engines of sites dc1, dc2 know "
                    + "no NFS export domain. Import the export domain the sites share into one of them, then try "
                    + "again.");
        } finally {
            paris.write(() -> paris.estate().storageDomains.put(domain.id, domain));
        }
        assertThat(bot.tasksNamed("win10-22h2")).isZero();
    }

    @Test
    void theVersionAskedForIsCheckedAtIntakeAndIsTheOneThatArrives() {
        assertThat(refusal("/vdi template migrate win11-23h2 version=7 from=dc1 to=dc2 cluster=Win-Desktops "
                + "storage=sg-data-01", "no version")).isEqualTo("Template win11-23h2 has no version 7 at site dc1; "
                + "its versions there are: 1, 2.");
        assertThat(bot.tasksNamed("win11-23h2")).isZero();

        String base = engine("dc1").read(() -> engine("dc1").estate().templates.values().stream()
                .filter(t -> t.name.equals("win11-23h2") && t.versionNumber == 1).findFirst().orElseThrow().id);
        String task = migrate("/vdi template migrate win11-23h2 version=1 from=dc1 to=dc2 cluster=Win-Desktops "
                + "storage=sg-data-01", "win11-23h2", 1,
                "ok: == Template win11-23h2 version 1 arrived at site dc2 as win11-23h2 ==");

        assertThat(bot.thread(task)).contains("Template win11-23h2 version 1 arrived at site dc2 as win11-23h2, OK "
                + "in cluster Win-Desktops.");
        String arrived = engine("dc2").read(() -> engine("dc2").estate().templates.values().stream()
                .filter(t -> t.name.equals("win11-23h2")).findFirst().orElseThrow().id);
        assertThat(arrived).as("version 1 itself, not the latest").isEqualTo(base);
        String logs = bot.send("/vdi logs " + task);
        bot.awaitIn(logs, Pattern.quote("Verified: template win11-23h2 version 1 arrived at site dc2 as win11-23h2, "
                + "listed as OK in cluster Win-Desktops."), WAIT);
    }

    @Test
    void aWaitingMigrationReservesItsNameAtTheTarget() {
        bot.type("/login alice");
        bot.type("/vdi template migrate rhel9-desktop from=dc1 to=dc2 cluster=Linux-Desktops storage=sg-data-01 "
                + "as=rhel9-promised at=+2h");
        String first = bot.awaitTask("rhel9-desktop", WAIT);
        bot.awaitIn(first, "waiting for an approver", WAIT);
        String reserved = "The name “rhel9-promised” at site dc2 is reserved by task " + first
                + ", which will create it. Choose another name, or cancel " + first + " first.";

        assertThat(refusal("/vdi template create rhel9-promised vm=sg-jump-01 stop=true site=dc2", "reserved"))
                .isEqualTo(reserved);
        assertThat(refusal("/vdi template migrate win10-22h2 from=dc1 to=dc2 cluster=Win-Desktops "
                + "storage=sg-data-01 as=rhel9-promised", "reserved")).isEqualTo(reserved);
        assertThat(bot.tasksNamed("rhel9-promised")).isZero();

        // a platform's retry of a migration's delivery is not refused by what its own task reserved
        Envelope delivery = Envelope.ofText(new ChatIdentity(Platform.CONSOLE, "alice", null, "alice"),
                ThreadRef.of(Platform.CONSOLE, "console", "retried-migration"), "/vdi template migrate rhel9-desktop "
                        + "from=dc1 to=dc2 cluster=Linux-Desktops storage=sg-data-01 as=rhel9-retried at=+2h",
                "migrate-retry-key", Instant.now(), null, null);
        RequestPipeline pipeline = bot.bean(RequestPipeline.class);
        pipeline.submit(delivery);
        String retried = bot.awaitTask("rhel9-desktop", 2, WAIT);
        bot.awaitIn(retried, "waiting for an approver", WAIT);
        pipeline.submit(delivery);
        awaitIdle();
        bot.type("/vdi cancel " + retried);
        bot.awaitIn(retried, "was cancelled by", WAIT);
        assertThat(bot.thread("retried-migration")).as("nothing refused in the request thread").isEmpty();
        assertThat(bot.thread(retried).stream().filter(l -> l.contains("waiting for an approver")).count())
                .isEqualTo(1);
        assertThat(bot.tasksNamed("rhel9-desktop")).isEqualTo(2);

        bot.type("/vdi cancel " + first);
        bot.awaitIn(first, "was cancelled by", WAIT);
    }
}
