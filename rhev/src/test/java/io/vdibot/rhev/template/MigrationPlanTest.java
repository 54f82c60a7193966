package io.vdibot.rhev.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plan a migration journals at preflight reads back as written, also when written before domains were brought. */
class MigrationPlanTest {

    private static final ExportDomain DOMAIN = new ExportDomain("sd-1", "vdi export", "nfs.example", "/exports/x");

    private static MigrationPlan plan(DomainOrigin origin) {
        return new MigrationPlan("tpl-1", "rhel 9", 3, "dc-paris", "Paris-DC", DOMAIN, "cl-1", "Linux", "dc-sg",
                "Singapore-DC", "sd-data", "sg-data-01", "rhel9-sg", true, false, origin);
    }

    @Test
    void readsBackWhatItWrote() {
        for (DomainOrigin origin : new DomainOrigin[] {null, DomainOrigin.unattached("dc2"),
                new DomainOrigin("dc3", "dc-3", "DC3 DC", "maintenance")}) {
            assertThat(MigrationPlan.parse(plan(origin).journal())).isEqualTo(plan(origin));
        }
    }

    @Test
    void aPlanJournaledBeforeDomainsWereBroughtHasNoOrigin() {
        String journal = plan(null).journal();
        String withoutOrigin = journal.substring(0, journal.length() - "    ".length());

        assertThat(MigrationPlan.parse(withoutOrigin)).isEqualTo(plan(null));
    }
}
