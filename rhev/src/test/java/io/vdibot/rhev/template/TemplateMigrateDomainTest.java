package io.vdibot.rhev.template;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.DataCenterInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.support.Faults;
import io.vdibot.rhev.support.InMemoryJournal;
import io.vdibot.rhev.support.InMemoryLeases;
import io.vdibot.rhev.support.RecordingTask;
import io.vdibot.rhev.support.Sites;
import io.vdibot.rhev.task.TaskRun;
import io.vdibot.rhev.template.ExportDomainMove.End;
import io.vdibot.rhev.template.ExportDomainSearch.Away;
import io.vdibot.rhev.template.ExportDomainSearch.Finding;
import io.vdibot.rhev.template.ExportDomainSearch.InPlace;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code template.migrate} when the export domain is not active in the source data center: left at the target by an
 * earlier migration, at a third site, in maintenance at the source, or known to an engine but attached nowhere, it is
 * brought to the source first, as steps of the task; and what keeps it from being brought is refused before a task
 * exists. Three simulated sites: Paris (dc1, where the seed estate has the domain), Singapore (dc2) and dc3. Each
 * test puts the domain where it needs it through the engines' API, and it is brought home afterwards.
 */
class TemplateMigrateDomainTest {

    private static final TemplateTimings FAST = new TemplateTimings(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20));
    private static final String LOCK = "export-domain:nfs.vdi.example:/exports/vdi-export";
    private static final String LOCATION = "nfs.vdi.example:/exports/vdi-export";

    private static Sites sites;
    private static InventoryCache inventory;
    private static ExportDomains domains;
    private static Poller poller;
    private static ExportDomain domain;
    private static End paris;
    private static End singapore;
    private static End third;
    private final InMemoryLeases leases = new InMemoryLeases();

    @BeforeAll
    static void startEngines() {
        sites = Sites.start(Simulator.builder().sites(3).basePort(0).timeScale(0.01));
        EngineCalls calls = new EngineCalls(sites.connections(),
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)), Sleeper.system());
        inventory = new InventoryCache(new InventoryQueries(calls));
        domains = new ExportDomains(inventory.queries());
        poller = new Poller(Clock.systemUTC(), Sleeper.system());
        paris = dataCenterOf("dc1");
        singapore = dataCenterOf("dc2");
        third = dataCenterOf("dc3");
        domain = domains.exportDomainsIn("dc1", paris.dataCenterId()).get(0).domain();
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    @AfterEach
    void bringTheDomainHome() {
        sites.simulator().sites().forEach(site -> site.faults().clear());
        Finding finding = new ExportDomainSearch(domains, inventory).find("dc1", paris.dataCenterId(), "dc2");
        if (finding instanceof Away away) {
            RecordingTask task = RecordingTask.of("T9999", request("rhel8-server", null, "home", null), "dc1");
            new ExportDomainSteps(new TaskRun(task, Clock.systemUTC(), "template.migrate"), task, domains,
                    away.domain(), FAST, poller).bring(away.origin(), paris);
        }
        assertThat(new ExportDomainSearch(domains, inventory).find("dc1", paris.dataCenterId(), "dc2"))
                .isInstanceOf(InPlace.class);
    }

    private static End dataCenterOf(String site) {
        DataCenterInfo dc = inventory.dataCenters(site).get(0);
        return new End(site, dc.id(), dc.name());
    }

    private TemplateMigrateHandler handler() {
        return new TemplateMigrateHandler(inventory, leases, true, FAST, Clock.systemUTC(), Sleeper.system());
    }

    private static TemplateMigrateRequest request(String name, Integer version, String as, Boolean moveBack) {
        return new TemplateMigrateRequest(name, version, "dc1", "dc2", "Linux-Desktops", "sg-data-01", as, moveBack,
                Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC")));
    }

    // ---- putting the domain where a test needs it, as an administrator would ----

    private static ExportDomainMove mover() {
        return new ExportDomainMove(RecordingTask.of("T9998", request("rhel8-server", null, "setup", null), "dc1"),
                domains, domain, FAST, poller);
    }

    private static void release(End from) {
        mover().deactivate(from, "setup-deactivate");
        mover().detach(from, "setup-detach");
    }

    private static void moveDomain(End from, End to) {
        release(from);
        mover().remove(from, "setup-remove");
        mover().importInto(to, "setup-import");
        mover().attach(to, "setup-attach");
    }

    private static Engine engine(String site) {
        return sites.simulator().site(site).engine();
    }

    private static List<TemplateEntity> templatesNamed(String site, String name) {
        return engine(site).read(() -> engine(site).estate().templates.values().stream()
                .filter(t -> t.name.equals(name)).toList());
    }

    private static Map<String, String> fields(Reply reply) {
        return reply.blocks().stream().filter(FieldsBlock.class::isInstance).map(FieldsBlock.class::cast)
                .flatMap(b -> b.fields().stream())
                .collect(Collectors.toMap(FieldsBlock.Field::label, FieldsBlock.Field::value));
    }

    private static List<String> stepLabels(Reply reply) {
        return reply.blocks().stream().filter(TableBlock.class::isInstance).map(TableBlock.class::cast)
                .findFirst().orElseThrow().rows().stream().map(row -> row.get(0)).toList();
    }

    // ---- brought, then migrated ----

    @Test
    void aDomainLeftAtTheTargetIsBroughtBackFirstAndTheMigrationSucceeds() {
        moveDomain(paris, singapore);
        TemplateMigrateRequest request = request("rhel8-server", null, "rhel8-back", null);
        assertThat(handler().validate(request, "dc1")).as("accepted at intake").isEmpty();

        RecordingTask task = RecordingTask.of("T5001", request, "dc1");
        TaskOutcome outcome = run(handler(), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(task.journal().executed()).containsExactly("preflight", "bring-deactivate", "bring-detach",
                "bring-remove-domain", "bring-import-domain", "bring-attach", "export", "deactivate", "detach",
                "remove-domain", "import-domain", "attach", "import-template", "verify", "back-deactivate",
                "back-detach", "back-remove-domain", "back-import-domain", "back-attach");
        String brought = "Export domain vdi-export brought from data center Singapore-DC at site dc2 (active) to "
                + "data center Paris-DC at site dc1.";
        assertThat(task.milestones()).extracting(Reply::plainText).first().isEqualTo(brought + "\n");
        assertThat(task.deployLog()).contains("Export domain vdi-export is not active in data center Paris-DC at "
                + "site dc1: it is at data center Singapore-DC at site dc2 (active). It will be brought there first.",
                brought);
        assertThat(fields(outcome.result()))
                .containsEntry("Export domain brought from", "data center Singapore-DC at site dc2 (active)")
                .containsEntry("Export domain now", "vdi-export (" + LOCATION + "): attached to data center "
                        + "Paris-DC at site dc1 (active)");
        assertThat(stepLabels(outcome.result())).startsWith("Checks", "Maintenance where it was",
                "Detach where it was", "Remove from the engine where it was", "Import into the source engine",
                "Attach at the source", "Export");
        assertThat(templatesNamed("dc2", "rhel8-back")).singleElement()
                .satisfies(t -> assertThat(t.status).isEqualTo("ok"));
        assertThat(leases.held()).isEmpty();
    }

    @Test
    void aDomainAtAThirdSiteIsBroughtFromThere() {
        moveDomain(paris, third);
        TemplateMigrateRequest request = request("rhel8-server", null, "rhel8-via-dc3", false);
        assertThat(handler().validate(request, "dc1")).isEmpty();

        RecordingTask task = RecordingTask.of("T5002", request, "dc1");
        TaskOutcome outcome = run(handler(), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(task.journal().executed()).startsWith("preflight", "bring-deactivate", "bring-detach",
                "bring-remove-domain", "bring-import-domain", "bring-attach", "export");
        assertThat(task.deployLog()).contains("Export domain vdi-export brought from data center "
                + third.dataCenterName() + " at site dc3 (active) to data center Paris-DC at site dc1.");
        assertThat(domains.known("dc3", domain)).as("removed from the third engine").isEmpty();
        assertThat(templatesNamed("dc2", "rhel8-via-dc3")).singleElement()
                .satisfies(t -> assertThat(t.status).isEqualTo("ok"));
    }

    @Test
    void aDomainInMaintenanceAtTheSourceIsOnlyActivated() {
        mover().deactivate(paris, "setup-deactivate");

        RecordingTask task = RecordingTask.of("T5003", request("rhel8-server", null, "rhel8-activated", false),
                "dc1");
        TaskOutcome outcome = run(handler(), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(task.journal().executed()).startsWith("preflight", "bring-attach", "export");
        assertThat(task.milestones()).extracting(Reply::plainText).first().isEqualTo("Export domain vdi-export had "
                + "the status maintenance in data center Paris-DC at site dc1; it is active there now.\n");
    }

    @Test
    void aDomainTheTargetKnowsUnattachedIsRemovedThereAndImportedAtTheSource() {
        release(paris);
        mover().remove(paris, "setup-remove");
        mover().importInto(singapore, "setup-import");

        RecordingTask task = RecordingTask.of("T5004", request("rhel8-server", null, "rhel8-unattached", false),
                "dc1");
        TaskOutcome outcome = run(handler(), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(task.journal().executed()).startsWith("preflight", "bring-remove-domain", "bring-import-domain",
                "bring-attach", "export");
        assertThat(task.deployLog()).contains("Export domain vdi-export brought from site dc2 (attached to no data "
                + "center) to data center Paris-DC at site dc1.");
    }

    @Test
    void aTaskThatDiedWhileBringingTheDomainResumesWhereItWas() {
        moveDomain(paris, singapore);
        InMemoryJournal journal = new InMemoryJournal().crashAfter("bring-detach");
        TemplateMigrateRequest request = request("rhel8-server", null, "rhel8-resumed", false);
        RecordingTask first = new RecordingTask("T5005", request, "dc1", Locale.ENGLISH, journal, false);

        assertThatThrownBy(() -> run(handler(), first)).isInstanceOf(InMemoryJournal.SimulatedCrash.class);
        assertThat(leases.held()).containsEntry(LOCK, "T5005");

        RecordingTask resumed = new RecordingTask("T5005", request, "dc1", Locale.ENGLISH, journal, true);
        TaskOutcome outcome = run(handler(), resumed);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(journal.executed()).startsWith("preflight", "bring-deactivate", "bring-detach", "bring-detach",
                "bring-remove-domain", "bring-import-domain", "bring-attach", "export");
        assertThat(resumed.deployLog()).startsWith("Export domain vdi-export was already detached from data center "
                + "Singapore-DC at site dc2.");
        assertThat(leases.held()).isEmpty();
    }

    // ---- refused before a task exists ----

    @Test
    void aDomainHeldByAnotherTaskIsNotRefusedAtIntakeTheTaskWaitsForIt() {
        TemplateMigrateRequest request = request("rhel8-server", null, "rhel8-held", null);
        assertThat(leases.tryAcquire(LOCK, "T998", "template migrate elsewhere")).isTrue();
        assertThat(handler().validate(request, "dc1")).isEmpty();

        moveDomain(paris, singapore);
        assertThat(handler().validate(request, "dc1")).as("where another task has it says nothing").isEmpty();
    }

    @Test
    void aDomainWhereNoHostIsUpIsRefusedAtIntake() {
        moveDomain(paris, singapore);
        List<HostEntity> up = engine("dc2").read(() -> engine("dc2").estate().hosts.values().stream()
                .filter(h -> "up".equals(h.status)).toList());
        setStatus(up, "maintenance");
        try {
            assertThat(handler().validate(request("rhel8-server", null, "rhel8-nohost", null), "dc1"))
                    .containsExactly(new Violation("template.migrate.bring-no-up-host", "from",
                            List.of("vdi-export", "Singapore-DC", "dc2", "active", "Paris-DC", "dc1")));
        } finally {
            setStatus(up, "up");
        }
    }

    @Test
    void aDomainNoEngineKnowsIsRefusedAtIntakeNamingTheSitesAsked() {
        release(paris);
        mover().remove(paris, "setup-remove");
        try {
            TemplateMigrateRequest request = request("rhel8-server", null, "rhel8-nowhere", null);
            assertThat(handler().validate(request, "dc1")).containsExactly(new Violation(
                    "template.migrate.export-domain-nowhere", "from", List.of("Paris-DC", "dc1", "dc1, dc2, dc3")));

            sites.simulator().site("dc3").faults().apply(Faults.down());
            assertThat(handler().validate(request, "dc1")).containsExactly(new Violation(
                    "template.migrate.export-domain-nowhere-unreachable", "from",
                    List.of("Paris-DC", "dc1", "dc1, dc2", "dc3")));
        } finally {
            sites.simulator().site("dc3").faults().clear();
            mover().importInto(paris, "setup-import");
            mover().attach(paris, "setup-attach");
        }
    }

    @Test
    void severalExportDomainsAndNoneAtTheSourceAreRefusedRatherThanGuessed() {
        moveDomain(paris, singapore);
        StorageDomainEntity retired = new StorageDomainEntity();
        retired.id = "5e0c3f5a-0000-4000-8000-00000000d0c3";
        retired.name = "retired-export";
        retired.type = "export";
        retired.address = "nfs-old.vdi.example";
        retired.path = "/exports/retired";
        engine("dc3").write(() -> engine("dc3").estate().storageDomains.put(retired.id, retired));
        try {
            assertThat(handler().validate(request("rhel8-server", null, "rhel8-which", null), "dc1"))
                    .containsExactly(new Violation("template.migrate.export-domains-several", "from",
                            List.of("Paris-DC", "dc1", "vdi-export (" + LOCATION + "), retired-export "
                                    + "(nfs-old.vdi.example:/exports/retired)")));
        } finally {
            engine("dc3").write(() -> engine("dc3").estate().storageDomains.remove(retired.id));
        }
    }

    private static void setStatus(List<HostEntity> hosts, String status) {
        engine("dc2").write(() -> {
            hosts.forEach(h -> h.status = status);
            return null;
        });
    }
}
