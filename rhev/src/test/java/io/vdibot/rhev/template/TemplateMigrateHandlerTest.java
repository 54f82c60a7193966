package io.vdibot.rhev.template;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.handler.ResourceBusy;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.support.Faults;
import io.vdibot.rhev.support.InMemoryJournal;
import io.vdibot.rhev.support.InMemoryLeases;
import io.vdibot.rhev.support.RecordingTask;
import io.vdibot.rhev.support.Sites;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code template.migrate} between the simulated Paris (dc1) and Singapore (dc2) engines, which share the NFS export
 * domain vdi-export: the whole move, the way back, engine faults, a held lease and a task resumed after dying in the
 * middle. Every test leaves the export domain active in Paris-DC, where the seed estate has it.
 */
class TemplateMigrateHandlerTest {

    private static final TemplateTimings FAST = new TemplateTimings(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20));
    private static final String LOCK = "export-domain:nfs.vdi.example:/exports/vdi-export";
    private static final String IN_PARIS = "attached to data center Paris-DC at site dc1 (active)";

    private static Sites sites;
    private static InventoryCache inventory;
    private InMemoryLeases leases = new InMemoryLeases();

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
        EngineCalls calls = new EngineCalls(sites.connections(),
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)), Sleeper.system());
        inventory = new InventoryCache(new InventoryQueries(calls));
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    @AfterEach
    void checkTheDomainIsBackHome() {
        sites.simulator().sites().forEach(site -> site.faults().clear());
        assertThat(exportDomain("dc1")).as("export domain at dc1").hasValueSatisfying(d -> {
            assertThat(d.dataCenterId).isNotNull();
            assertThat(d.status).isEqualTo("active");
        });
    }

    private TemplateMigrateHandler handler() {
        return new TemplateMigrateHandler(inventory, leases, true, FAST, Clock.systemUTC(), Sleeper.system());
    }

    private static TemplateMigrateRequest request(String name, String from, String to, String cluster,
            String storage, String as, Boolean moveBack) {
        return new TemplateMigrateRequest(name, null, from, to, cluster, storage, as, moveBack,
                Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC")));
    }

    private static Engine engine(String site) {
        return sites.simulator().site(site).engine();
    }

    private static Optional<StorageDomainEntity> exportDomain(String site) {
        return engine(site).read(() -> engine(site).estate().storageDomains.values().stream()
                .filter(d -> d.name.equals("vdi-export")).findFirst());
    }

    private static List<TemplateEntity> templatesNamed(String site, String name) {
        return engine(site).read(() -> engine(site).estate().templates.values().stream()
                .filter(t -> t.name.equals(name)).toList());
    }

    private static long events(String site, int code, String correlationId) {
        return engine(site).read(() -> engine(site).estate().events.stream()
                .filter(e -> e.code == code && correlationId.equals(e.correlationId)).count());
    }

    private static Map<String, String> fields(Reply reply) {
        return reply.blocks().stream().filter(FieldsBlock.class::isInstance).map(FieldsBlock.class::cast)
                .flatMap(b -> b.fields().stream())
                .collect(Collectors.toMap(FieldsBlock.Field::label, FieldsBlock.Field::value));
    }

    private static List<List<String>> steps(Reply reply) {
        return reply.blocks().stream().filter(TableBlock.class::isInstance).map(TableBlock.class::cast)
                .findFirst().orElseThrow().rows();
    }

    @Test
    void movesATemplateToTheOtherSiteAndTheExportDomainBack() {
        TemplateEntity source = templatesNamed("dc1", "rhel8-server").get(0);
        RecordingTask task = RecordingTask.of("T4001", request("rhel8-server", "dc1", "dc2", "Linux-Desktops",
                "sg-data-01", null, null), "dc1");

        TaskOutcome outcome = run(handler(), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(templatesNamed("dc2", "rhel8-server")).singleElement().satisfies(t -> {
            assertThat(t.status).isEqualTo("ok");
            assertThat(t.id).as("imported with its own ids").isEqualTo(source.id);
        });
        assertThat(exportDomain("dc2")).as("removed from dc2 on the way back").isEmpty();
        assertThat(leases.held()).isEmpty();
        assertThat(outcome.summary()).isEqualTo("Template rhel8-server version 1 arrived at site dc2 as "
                + "rhel8-server, from site dc1; export domain vdi-export: " + IN_PARIS + ".");
        assertThat(outcome.result().plainText())
                .startsWith("Template rhel8-server version 1 arrived at site dc2 as rhel8-server\n");
        assertThat(fields(outcome.result()))
                .containsEntry("Template", "rhel8-server, version 1")
                .containsEntry("From", "site dc1, data center Paris-DC")
                .containsEntry("To", "site dc2, data center Singapore-DC")
                .containsEntry("At the target", "rhel8-server (" + source.id + ")")
                .containsEntry("Export domain now", "vdi-export (nfs.vdi.example:/exports/vdi-export): " + IN_PARIS);
        assertThat(steps(outcome.result())).extracting(row -> row.get(0)).containsExactly("Checks", "Export",
                "Maintenance at the source", "Detach at the source", "Remove from the source engine",
                "Import into the target engine", "Attach at the target", "Import template", "Verify",
                "Maintenance at the target", "Detach at the target", "Remove from the target engine",
                "Import back into the source engine", "Attach back at the source");
        assertThat(steps(outcome.result())).allSatisfy(row -> assertThat(row.get(1)).matches("\\d+ (ms|s)"));
        assertThat(task.journal().executed()).containsExactly("preflight", "export", "deactivate", "detach",
                "remove-domain", "import-domain", "attach", "import-template", "verify", "back-deactivate",
                "back-detach", "back-remove-domain", "back-import-domain", "back-attach");
        assertThat(task.milestones()).extracting(Reply::plainText).containsExactly(
                "Template rhel8-server (version 1) exported to export domain vdi-export at site dc1.\n",
                "Export domain vdi-export is active in data center Singapore-DC at site dc2.\n",
                "Template rhel8-server version 1 arrived at site dc2 as rhel8-server, OK in cluster Linux-Desktops.\n",
                "Export domain vdi-export is active in data center Paris-DC at site dc1.\n");
        assertThat(task.deployLog()).contains(
                "Asked the engine of site dc1 to export template rhel8-server version 1 to export domain vdi-export.",
                "Export domain vdi-export is in maintenance in data center Paris-DC at site dc1.",
                "Export domain vdi-export is detached from data center Paris-DC at site dc1.",
                "Export domain vdi-export is active in data center Singapore-DC at site dc2.",
                "Verified: template rhel8-server version 1 arrived at site dc2 as rhel8-server, listed as OK in "
                        + "cluster Linux-Desktops.")
                .anySatisfy(line -> assertThat(line).matches("Removed export domain vdi-export from the engine of "
                        + "site dc1 through host par-hv-\\S+, without formatting it\\."))
                .anySatisfy(line -> assertThat(line).matches("Imported export domain vdi-export "
                        + "\\(nfs.vdi.example:/exports/vdi-export\\) into the engine of site dc2 through host "
                        + "sg-hv-\\S+\\."));
        assertThat(task.errorLog()).isEmpty();
        assertThat(events("dc1", 1164, "T4001-export")).isEqualTo(1);
        assertThat(events("dc1", 964, "T4001-detach")).isEqualTo(1);
        assertThat(events("dc2", 1158, "T4001-import-template")).isEqualTo(1);
    }

    @Test
    void aRenamedVersionTravelsAsACopyAndTheDomainCanStayAtTheTarget() {
        RecordingTask there = RecordingTask.of("T4002", request("win11-23h2", "dc1", "dc2", "Win-Desktops",
                "sg-data-01", "win11-sg", false), "dc1");

        TaskOutcome outcome = run(handler(), there);

        TemplateEntity patched = templatesNamed("dc1", "win11-23h2").stream().filter(t -> t.versionNumber == 2)
                .findFirst().orElseThrow();
        assertThat(templatesNamed("dc2", "win11-sg")).singleElement().satisfies(t -> {
            assertThat(t.id).isNotEqualTo(patched.id);
            assertThat(t.versionNumber).isEqualTo(1);
            assertThat(t.status).isEqualTo("ok");
        });
        assertThat(there.deployLog()).contains("Template win11-sg will be imported as a copy with new ids (it is "
                + "renamed, its id is taken, or it is a version whose base the target does not have).");
        assertThat(fields(outcome.result())).containsEntry("Template", "win11-23h2, version 2")
                .containsEntry("Export domain now", "vdi-export (nfs.vdi.example:/exports/vdi-export): attached to "
                        + "data center Singapore-DC at site dc2 (active)");
        assertThat(exportDomain("dc2")).hasValueSatisfying(d -> assertThat(d.status).isEqualTo("active"));
        assertThat(exportDomain("dc1")).isEmpty();
        assertThat(there.journal().executed()).doesNotContain("back-deactivate");

        // the domain now starts from Singapore: the next migration goes the other way
        RecordingTask back = RecordingTask.of("T4003", request("win11-sg", "dc2", "dc1", "Win-Desktops",
                "paris-data-01", "win11-roundtrip", false), "dc2");
        TaskOutcome returned = run(handler(), back);

        assertThat(returned.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(templatesNamed("dc1", "win11-roundtrip")).singleElement()
                .satisfies(t -> assertThat(t.status).isEqualTo("ok"));
        assertThat(exportDomain("dc2")).isEmpty();
        assertThat(leases.held()).isEmpty();
    }

    @Test
    void theVersionAskedForIsTheOneThatTravelsAndTheReplySaysWhichArrived() {
        TemplateEntity base = templatesNamed("dc1", "win11-23h2").stream().filter(t -> t.versionNumber == 1)
                .findFirst().orElseThrow();
        TemplateMigrateRequest request = new TemplateMigrateRequest("win11-23h2", 1, "dc1", "dc2", "Win-Desktops",
                "sg-data-01", null, null, Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC")));
        RecordingTask task = RecordingTask.of("T4012", request, "dc1");

        TaskOutcome outcome = run(handler(), task);

        assertThat(templatesNamed("dc2", "win11-23h2")).singleElement().satisfies(t -> {
            assertThat(t.id).as("version 1 itself, not the latest (2)").isEqualTo(base.id);
            assertThat(t.status).isEqualTo("ok");
        });
        assertThat(outcome.summary()).startsWith("Template win11-23h2 version 1 arrived at site dc2 as win11-23h2, "
                + "from site dc1;");
        assertThat(fields(outcome.result())).containsEntry("Template", "win11-23h2, version 1");
        assertThat(task.deployLog()).contains("Asked the engine of site dc1 to export template win11-23h2 version 1 "
                + "to export domain vdi-export.", "Verified: template win11-23h2 version 1 arrived at site dc2 as "
                + "win11-23h2, listed as OK in cluster Win-Desktops.");
    }

    @Test
    void aFailingExportFailsTheTaskWithTheEnginesWordsAndLeavesTheDomainWhereItWas() {
        FaultPlan.Settings failing = new FaultPlan.Settings();
        failing.failExport = true;
        sites.simulator().site("dc1").faults().apply(failing);
        RecordingTask task = RecordingTask.of("T4004", request("rhel9-desktop", "dc1", "dc2", "Linux-Desktops",
                "sg-data-01", "rhel9-copy", null), "dc1");

        assertThatThrownBy(() -> run(handler(), task)).isInstanceOfSatisfying(TaskFailure.class, f -> {
            assertThat(f.getMessage()).isEqualTo("Exporting template rhel9-desktop to export domain vdi-export at "
                    + "site dc1 failed: Failed to export Template rhel9-desktop to vdi-export Export domain "
                    + "vdi-export is now: " + IN_PARIS + ". It is where it was before the migration; run the "
                    + "migration again once the cause is fixed.");
            assertThat(f.cleanedUp()).isEqualTo("released the lock " + LOCK
                    + ", so other migrations can use the export domain");
        });
        assertThat(leases.held()).isEmpty();
        assertThat(task.journal().executed()).containsExactly("preflight", "export");
        assertThat(task.errorLog()).first().asString().isEqualTo("Step \"Export\" failed: Exporting template "
                + "rhel9-desktop to export domain vdi-export at site dc1 failed: Failed to export Template "
                + "rhel9-desktop to vdi-export");
        assertThat(templatesNamed("dc2", "rhel9-copy")).isEmpty();
        assertThat(exportDomain("dc2")).isEmpty();
    }

    @Test
    void aSiteDownAtPreflightIsNamedAndNothingMoves() {
        sites.simulator().site("dc2").faults().apply(Faults.down());
        RecordingTask task = RecordingTask.of("T4005", request("rhel8-server", "dc1", "dc2", "Linux-Desktops",
                "sg-data-01", "rhel8-down", null), "dc1");

        assertThatThrownBy(() -> run(handler(), task)).isInstanceOfSatisfying(TaskFailure.class, f -> {
            assertThat(f.getMessage()).startsWith("Site dc2 cannot be used now: Site dc2 did not answer after 3 "
                    + "attempts (").endsWith(". Nothing was moved.");
            assertThat(f.cleanedUp()).isNull();
        });
        assertThat(leases.held()).isEmpty();
        assertThat(task.journal().executed()).containsExactly("preflight");
        assertThat(events("dc1", 1164, "T4005-export")).isZero();
    }

    @Test
    void aSecondMigrationWhileTheLeaseIsHeldWaitsForItNamingTheTaskThatHoldsIt() {
        assertThat(leases.tryAcquire(LOCK, "T999", "template migrate elsewhere")).isTrue();
        RecordingTask task = RecordingTask.of("T4006", request("rhel8-server", "dc1", "dc2", "Linux-Desktops",
                "sg-data-01", "rhel8-second", null), "dc1");

        // not a failure: the runner parks the task until the lease is free
        assertThatThrownBy(() -> run(handler(), task)).isInstanceOfSatisfying(ResourceBusy.class, busy -> {
            assertThat(busy.resourceKey()).isEqualTo(LOCK);
            assertThat(busy.holder()).isEqualTo("T999");
            assertThat(busy.what()).isEqualTo("export domain vdi-export (nfs.vdi.example:/exports/vdi-export)");
        });
        assertThat(leases.held()).containsEntry(LOCK, "T999");
        assertThat(events("dc1", 1164, "T4006-export")).isZero();
    }

    @Test
    void aTaskThatDiedInsideDetachResumesWithoutRedoingWhatWasDone() {
        InMemoryJournal journal = new InMemoryJournal().crashAfter("detach");
        TemplateMigrateRequest request = request("win10-22h2", "dc1", "dc2", "Win-Desktops", "sg-data-01",
                "win10-paris", null);
        RecordingTask first = new RecordingTask("T4008", request, "dc1", Locale.ENGLISH, journal, false);

        assertThatThrownBy(() -> run(handler(), first)).isInstanceOf(InMemoryJournal.SimulatedCrash.class);
        assertThat(exportDomain("dc1")).as("detached before the crash").hasValueSatisfying(d ->
                assertThat(d.dataCenterId).isNull());
        assertThat(leases.held()).as("a dead node gives nothing back").containsEntry(LOCK, "T4008");

        RecordingTask resumed = new RecordingTask("T4008", request, "dc1", Locale.ENGLISH, journal, true);
        TaskOutcome outcome = run(handler(), resumed);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(templatesNamed("dc2", "win10-paris")).singleElement()
                .satisfies(t -> assertThat(t.status).isEqualTo("ok"));
        assertThat(journal.executed()).containsExactly("preflight", "export", "deactivate", "detach", "detach",
                "remove-domain", "import-domain", "attach", "import-template", "verify", "back-deactivate",
                "back-detach", "back-remove-domain", "back-import-domain", "back-attach");
        assertThat(resumed.deployLog()).startsWith(
                "Export domain vdi-export was already detached from data center Paris-DC at site dc1.");
        assertThat(steps(outcome.result()).subList(0, 3)).extracting(row -> row.get(1))
                .containsOnly("done before a restart");
        assertThat(events("dc1", 1164, "T4008-export")).isEqualTo(1);
        assertThat(events("dc1", 964, "T4008-detach")).isEqualTo(1);
        assertThat(leases.held()).isEmpty();
    }

    @Test
    void preflightNamesWhatIsMissingAtTheTargetAndMovesNothing() {
        RecordingTask noCluster = RecordingTask.of("T4009", request("rhel8-server", "dc1", "dc2", "GPU-Desktops",
                "sg-data-01", "rhel8-gpu", null), "dc1");
        assertThatThrownBy(() -> run(handler(), noCluster)).isInstanceOfSatisfying(TaskFailure.class, f -> {
            assertThat(f.getMessage()).isEqualTo("Cluster GPU-Desktops does not exist at site dc2. Nothing was "
                    + "moved.");
            assertThat(f.cleanedUp()).startsWith("released the lock " + LOCK);
        });

        RecordingTask taken = RecordingTask.of("T4010", request("rhel9-desktop", "dc1", "dc2", "Linux-Desktops",
                "sg-data-01", null, null), "dc1");
        assertThatThrownBy(() -> run(handler(), taken)).isInstanceOf(TaskFailure.class)
                .hasMessage("A template named rhel9-desktop already exists in data center Singapore-DC at site dc2. "
                        + "Choose another name with as=. Nothing was moved.");

        RecordingTask unknown = RecordingTask.of("T4011", request("rhel10-desktop", "dc1", "dc2", "Linux-Desktops",
                "sg-data-01", null, null), "dc1");
        assertThatThrownBy(() -> run(handler(), unknown)).isInstanceOf(TaskFailure.class)
                .hasMessage("Template rhel10-desktop does not exist at site dc1. Nothing was moved.");
        assertThat(leases.held()).isEmpty();
    }
}
