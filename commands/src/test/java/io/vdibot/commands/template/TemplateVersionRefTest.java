package io.vdibot.commands.template;

import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolType;
import io.vdibot.commands.pool.PoolUpdateRequest;
import io.vdibot.commands.spec.Keyword;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.view.ListRequest;
import io.vdibot.commands.vm.VmCreateRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateVersionRefTest {

    @Test
    void isEitherANumberOrLatest() {
        assertThat(TemplateVersionRef.version(3)).isEqualTo(new TemplateVersionRef(3, false));
        assertThat(TemplateVersionRef.latestVersion()).isEqualTo(new TemplateVersionRef(null, true));
        assertThatThrownBy(() -> new TemplateVersionRef(3, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TemplateVersionRef(null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TemplateVersionRef.version(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keywordsAreTheGrammarsWords() {
        assertThat(Keyword.words(InventoryKind.class)).containsExactly("vms", "pools", "templates", "hosts",
                "clusters", "storage", "networks", "users", "groups", "roles");
        assertThat(Keyword.find(PoolType.class, " MANUAL ")).contains(PoolType.MANUAL);
        assertThat(Keyword.find(PoolType.class, "auto")).isEmpty();
        assertThat(Keyword.find(PoolType.class, null)).isEmpty();
    }

    @Test
    void requestsRefuseStatesTheParserNeverBuilds() {
        io.vdibot.commands.schedule.Schedule now = io.vdibot.commands.Fixtures.IMMEDIATELY;

        assertThatThrownBy(() -> new PoolUpdateRequest("p", null, null, null, null, now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoolCreateRequest("p", "t", 1, null, null, null, null, null, null, null, null,
                "group-without-role", null, null, now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListRequest(InventoryKind.VMS, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VmCreateRequest("v", "t", null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aMigrationActsFirstOnItsSourceSiteAndCreatesAtItsTarget() {
        TemplateMigrateRequest request = new TemplateMigrateRequest("t", null, "paris", "shanghai", "c", "s", null,
                null, io.vdibot.commands.Fixtures.IMMEDIATELY);
        TemplateMigrateRequest renamed = new TemplateMigrateRequest("t", 2, "paris", "shanghai", "c", "s", "t-sh",
                null, io.vdibot.commands.Fixtures.IMMEDIATELY);

        assertThat(((TaskRequest) request).site()).isEqualTo("paris");
        assertThat(request.createdAt()).isEqualTo("shanghai");
        assertThat(request.createdName()).contains("t");
        assertThat(renamed.createdName()).contains("t-sh");
        assertThatThrownBy(() -> new TemplateMigrateRequest("t", 0, "paris", "shanghai", "c", "s", null, null,
                io.vdibot.commands.Fixtures.IMMEDIATELY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherRequestsCreateAtTheSiteTheyActOn() {
        VmCreateRequest vm = new VmCreateRequest("v", "t", "paris", null, null, null, null,
                io.vdibot.commands.Fixtures.IMMEDIATELY);

        assertThat(vm.createdAt()).isEqualTo("paris");
    }
}
