package io.vdibot.rhev.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.template.TemplateCreateRequest;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.support.InMemoryLeases;
import io.vdibot.rhev.support.Sites;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checks of {@code template create} and {@code template migrate} before a task is accepted, against the seed
 * estate of the simulated sites: dc1 has the VM par-win11-golden and the templates win11-23h2, rhel8-server,
 * rhel9-desktop and win10-22h2; dc2 has rhel9-desktop and win10-22h2, the cluster Linux-Desktops and the storage
 * domain sg-data-01.
 */
class TemplateValidationTest {

    private static final Schedule NOW = Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC"));

    private static Sites sites;
    private static TemplateCreateHandler create;
    private static TemplateMigrateHandler migrate;
    private static InventoryCache inventory;

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
        inventory = new InventoryCache(new InventoryQueries(new EngineCalls(sites.connections(),
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)), Sleeper.system())));
        create = new TemplateCreateHandler(inventory);
        migrate = new TemplateMigrateHandler(inventory, new InMemoryLeases(), true);
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    private static List<String> create(String name, String vm, String versionOf, String versionName,
            String cluster, String storage) {
        return keys(create.validate(new TemplateCreateRequest(name, vm, null, versionOf, versionName, cluster,
                storage, null, null, "dc1", NOW), "dc1"));
    }

    private static List<Violation> migrate(String name, String from, String to, String cluster, String storage,
            String as) {
        return migrate.validate(new TemplateMigrateRequest(name, null, from, to, cluster, storage, as, null, NOW), from);
    }

    private static List<String> keys(List<Violation> violations) {
        return violations.stream().map(Violation::key).toList();
    }

    @Test
    void aTemplateFromAKnownVmUnderAFreeNamePasses() {
        assertThat(create("golden", "par-win11-golden", null, null, "Win-Desktops", "paris-data-01")).isEmpty();
        assertThat(create("win11-23h2", "par-win11-golden", "win11-23h2", "2026-11", null, null)).isEmpty();
    }

    @Test
    void eachMistakeOfATemplateCreationIsNamed() {
        assertThat(create("win11-23h2", "par-ghost", null, "v2", "GPU", "fast-ssd")).containsExactly(
                "validate.vm-unknown", "validate.cluster-unknown", "validate.storage-unknown",
                "validate.version-name-without-base", "validate.template-name-taken");
        assertThat(create("win12", "par-win11-golden", "win12", null, null, null))
                .containsExactly("validate.version-of-unknown");
        assertThat(create("win11-next", "par-win11-golden", "win11-23h2", null, null, null))
                .containsExactly("validate.version-keeps-name");
    }

    @Test
    void aRunningVmNeedsStopAndAWindowsVmIsNotSealed() {
        assertThat(create.validate(source("par-jump-01", null, null), "dc1")).containsExactly(
                new Violation("validate.template-vm-running", "vm", List.of("par-jump-01", "up", "dc1")));
        assertThat(create.validate(source("par-jump-01", null, true), "dc1")).isEmpty();
        assertThat(create.validate(source("par-win11-golden", true, null), "dc1")).containsExactly(
                new Violation("validate.template-seal-windows", "seal", List.of("par-win11-golden", "windows_11")));
        assertThat(keys(create.validate(source("par-build-01", true, false), "dc1")))
                .containsExactly("validate.template-vm-running");
        assertThat(create.validate(source("par-build-01", true, true), "dc1")).isEmpty();
    }

    private static TemplateCreateRequest source(String vm, Boolean seal, Boolean stop) {
        return new TemplateCreateRequest("from-" + vm, vm, seal, null, null, null, null, null, stop, "dc1", NOW);
    }

    @Test
    void aViolationCarriesTheFieldToFixAndTheArgumentsOfItsMessage() {
        TemplateCreateRequest request = new TemplateCreateRequest("golden", "par-ghost", null, null, null, null, null,
                null, null, "dc1", NOW);
        assertThat(create.validate(request, "dc1"))
                .containsExactly(new Violation("validate.vm-unknown", "vm", List.of("par-ghost", "dc1")));
    }

    @Test
    void aMigrationNamesAVersionTheSourceHasAndThatIsOk() {
        assertThat(migrateVersion("win11-23h2", 1)).isEmpty();
        assertThat(migrateVersion("win11-23h2", 3)).containsExactly(new Violation("template.migrate.version-unknown",
                "version", List.of("win11-23h2", "3", "dc1", "1, 2")));

        Engine paris = sites.simulator().site("dc1").engine();
        TemplateEntity latest = paris.read(() -> paris.estate().templates.values().stream()
                .filter(t -> t.name.equals("win11-23h2") && t.versionNumber == 2).findFirst().orElseThrow());
        setStatus(paris, latest, "locked");
        inventory.refresh("dc1"); // as the cache's lifetime would
        try {
            assertThat(migrateVersion("win11-23h2", null)).containsExactly(new Violation(
                    "template.migrate.template-locked", "version", List.of("win11-23h2", "2", "dc1")));
            assertThat(migrateVersion("win11-23h2", 1)).isEmpty();
        } finally {
            setStatus(paris, latest, "ok");
        }
        // the cache still says locked: refused by the cache, the engine is asked once more before refusing
        assertThat(migrateVersion("win11-23h2", null)).as("unlocked again").isEmpty();
    }

    private static List<Violation> migrateVersion(String name, Integer version) {
        return migrate.validate(new TemplateMigrateRequest(name, version, "dc1", "dc2", "Win-Desktops",
                "sg-data-01", name + "-copy", null, NOW), "dc1");
    }

    private static void setStatus(Engine engine, TemplateEntity template, String status) {
        engine.write(() -> {
            template.status = status;
            return null;
        });
    }

    @Test
    void aMigrationNeedsTwoKnownSitesTheTemplateAtTheSourceAndRoomAtTheTarget() {
        assertThat(migrate("rhel8-server", "dc1", "dc2", "Linux-Desktops", "sg-data-01", null)).isEmpty();
        assertThat(migrate("rhel8-server", "dc1", "dc9", "Linux-Desktops", "sg-data-01", null)).containsExactly(
                new Violation("validate.site-unknown", "to", List.of("dc9", "dc1, dc2")));
        assertThat(keys(migrate("rhel8-server", "dc1", "dc1", "Win-Desktops", "paris-data-01", null)))
                .containsExactly("validate.sites-same");
        assertThat(keys(migrate("rhel7-legacy", "dc1", "dc2", "GPU", "sg-ssd", "win10-22h2"))).containsExactly(
                "validate.template-unknown", "validate.target-name-taken", "validate.cluster-unknown",
                "validate.storage-unknown");
        assertThat(migrate("win11-23h2", "dc1", "dc2", "Linux-Desktops", "sg-data-01", "rhel9-desktop"))
                .containsExactly(new Violation("validate.target-name-taken", "as", List.of("rhel9-desktop", "dc2")));
    }
}
