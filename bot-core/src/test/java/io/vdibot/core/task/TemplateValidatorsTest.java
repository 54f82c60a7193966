package io.vdibot.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.template.TemplateCreateRequest;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.commands.schedule.Schedule;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The intake checks of {@code template create} and {@code template migrate}, against a fixed estate. */
class TemplateValidatorsTest {

    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);
    private static final Schedule NOW = Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC"));

    /** dc1 and dc2 with a few names of each kind. */
    private static final InventoryLookup ESTATE = new InventoryLookup() {
        private final Map<String, Map<InventoryKind, List<String>>> names = Map.of(
                "dc1", Map.of(InventoryKind.VMS, List.of("par-win11-golden"),
                        InventoryKind.TEMPLATES, List.of("win11-23h2", "rhel8-server"),
                        InventoryKind.CLUSTERS, List.of("Win-Desktops"),
                        InventoryKind.STORAGE, List.of("paris-data-01")),
                "dc2", Map.of(InventoryKind.TEMPLATES, List.of("rhel9-desktop"),
                        InventoryKind.CLUSTERS, List.of("Linux-Desktops"),
                        InventoryKind.STORAGE, List.of("sg-data-01")));

        @Override
        public List<String> sites() {
            return List.of("dc1", "dc2");
        }

        @Override
        public List<String> names(String site, InventoryKind kind, String prefix, int limit) {
            return names.getOrDefault(site, Map.of()).getOrDefault(kind, List.of()).stream()
                    .filter(n -> n.startsWith(prefix)).limit(limit).toList();
        }
    };

    private final TemplateCreateValidator create = new TemplateCreateValidator(ESTATE);
    private final TemplateMigrateValidator migrate = new TemplateMigrateValidator(ESTATE);

    private static TemplateCreateRequest create(String name, String vm, String versionOf, String versionName,
            String cluster, String storage) {
        return new TemplateCreateRequest(name, vm, null, versionOf, versionName, cluster, storage, null, "dc1", NOW);
    }

    private static TemplateMigrateRequest migrate(String name, String from, String to, String cluster,
            String storage, String as) {
        return new TemplateMigrateRequest(name, from, to, cluster, storage, as, null, NOW);
    }

    @Test
    void aTemplateFromAKnownVmUnderAFreeNamePasses() {
        assertThat(create.problems(create("golden", "par-win11-golden", null, null, "Win-Desktops", "paris-data-01"),
                "dc1", EN)).isEmpty();
        assertThat(create.problems(create("win11-23h2", "par-win11-golden", "win11-23h2", "2026-11", null, null),
                "dc1", EN)).isEmpty();
    }

    @Test
    void eachMistakeOfATemplateCreationIsNamed() {
        assertThat(create.problems(create("win11-23h2", "par-ghost", null, "v2", "GPU", "fast-ssd"), "dc1", EN))
                .containsExactly(
                        "There is no VM “par-ghost” at site dc1.",
                        "There is no cluster “GPU” at site dc1.",
                        "There is no storage domain “fast-ssd” at site dc1.",
                        "version-name= names a new version of a template; give version-of= as well.",
                        "A template named “win11-23h2” already exists at site dc1. Choose another name, or add a "
                                + "version with version-of=win11-23h2.");
        assertThat(create.problems(create("win12", "par-win11-golden", "win12", null, null, null), "dc1", EN))
                .containsExactly("There is no template “win12” at site dc1 to add a version to.");
        assertThat(create.problems(create("win11-next", "par-win11-golden", "win11-23h2", null, null, null), "dc1",
                EN)).containsExactly("A new version keeps the name of its base template: write template create "
                + "win11-23h2 … version-of=win11-23h2, not win11-next.");
    }

    @Test
    void aMigrationNeedsTwoKnownSitesTheTemplateAtTheSourceAndRoomAtTheTarget() {
        assertThat(migrate.problems(migrate("rhel8-server", "dc1", "dc2", "Linux-Desktops", "sg-data-01", null),
                "dc1", EN)).isEmpty();
        assertThat(migrate.problems(migrate("rhel8-server", "dc1", "dc9", "Linux-Desktops", "sg-data-01", null),
                "dc1", EN)).containsExactly("There is no site “dc9”; the sites are: dc1, dc2.");
        assertThat(migrate.problems(migrate("rhel8-server", "dc1", "dc1", "Win-Desktops", "paris-data-01", null),
                "dc1", EN)).containsExactly("The source and the target site must differ; both are dc1.");
        assertThat(migrate.problems(migrate("rhel9-desktop", "dc1", "dc2", "Win-Desktops", "sg-ssd", null), "dc1",
                EN)).containsExactly(
                        "There is no template “rhel9-desktop” at site dc1.",
                        "A template named “rhel9-desktop” already exists at site dc2. Choose another name with as=.",
                        "There is no cluster “Win-Desktops” at site dc2.",
                        "There is no storage domain “sg-ssd” at site dc2.");
        assertThat(migrate.problems(migrate("win11-23h2", "dc1", "dc2", "Linux-Desktops", "sg-data-01",
                "rhel9-desktop"), "dc1", EN)).containsExactly(
                        "A template named “rhel9-desktop” already exists at site dc2. Choose another name with as=.");
    }
}
