package io.vdibot.rhev.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.connect.EngineConnections;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.support.Faults;
import io.vdibot.rhev.support.MutableClock;
import io.vdibot.rhev.support.Sites;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;

class InventoryCacheTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private static Sites sites;
    private static EngineConnections connections;
    private static EngineCalls calls;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final InventoryCache cache = new InventoryCache(new InventoryQueries(calls), TTL, clock);

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
        connections = sites.connections();
        calls = new EngineCalls(connections, new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(5)),
                d -> Thread.sleep(d.toMillis()));
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    @AfterEach
    void clearFaults() {
        sites.simulator().sites().forEach(site -> site.faults().clear());
    }

    /** Adds a VM behind the cache's back, as another administrator would. */
    private static void addVm(String name) {
        calls.call("dc1", "add VM", c -> c.systemService().vmsService().add().vm(new VmBuilder().name(name)
                .cluster(new ClusterBuilder().name("Linux-Desktops"))
                .template(new TemplateBuilder().name("rhel9-desktop"))).send().vm());
    }

    @Test
    void namesArePrefixFilteredIgnoringCaseSortedDistinctAndLimited() {
        assertThat(cache.names("dc1", InventoryKind.TEMPLATES, "WIN", 10)).containsExactly("win10-22h2", "win11-23h2");
        assertThat(cache.names("dc1", InventoryKind.TEMPLATES, "", 2)).containsExactly("rhel8-server", "rhel9-desktop");
        assertThat(cache.names("dc1", InventoryKind.TEMPLATES, "win", 1)).containsExactly("win10-22h2");
        assertThat(cache.names("dc1", InventoryKind.CLUSTERS, "", 10))
                .containsExactly("Infra", "Linux-Desktops", "Win-Desktops");
        assertThat(cache.names("dc1", InventoryKind.TEMPLATES, "xyz", 10)).isEmpty();
    }

    @Test
    void theDefaultSiteIsUsedWhenNoneIsGivenAndUnknownSitesHaveNothing() {
        assertThat(cache.sites()).containsExactly("dc1", "dc2");
        assertThat(cache.names(null, InventoryKind.CLUSTERS, "", 10)).contains("Infra");
        assertThat(cache.names("dc2", InventoryKind.CLUSTERS, "", 10)).doesNotContain("Infra");
        assertThat(cache.names("dc9", InventoryKind.CLUSTERS, "", 10)).isEmpty();
        assertThat(cache.exists("dc9", InventoryKind.CLUSTERS, "Infra")).isFalse();
    }

    @Test
    void existsIsExact() {
        assertThat(cache.exists("dc1", InventoryKind.VMS, "par-jump-01")).isTrue();
        assertThat(cache.exists("dc1", InventoryKind.VMS, "PAR-JUMP-01")).isFalse();
        assertThat(cache.exists("dc1", InventoryKind.VMS, "par-jump")).isFalse();
    }

    @Test
    void aListIsServedFromTheCacheUntilItsTtlRunsOut() {
        assertThat(cache.names("dc1", InventoryKind.VMS, "ttl-", 10)).isEmpty();
        addVm("ttl-probe-01");

        clock.advance(TTL.minusSeconds(1));
        assertThat(cache.names("dc1", InventoryKind.VMS, "ttl-", 10)).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.names("dc1", InventoryKind.VMS, "ttl-", 10)).containsExactly("ttl-probe-01");
    }

    @Test
    void refreshForgetsTheCachedListsAtOnce() {
        assertThat(cache.names("dc1", InventoryKind.VMS, "refresh-", 10)).isEmpty();
        addVm("refresh-probe-01");

        cache.refresh("dc1");

        assertThat(cache.names("dc1", InventoryKind.VMS, "refresh-", 10)).containsExactly("refresh-probe-01");
    }

    @Test
    void theCachedListIsAnImmutableSnapshot() {
        List<VmInfo> before = cache.vms("dc1");
        addVm("snapshot-probe-01");
        cache.refresh("dc1");

        List<VmInfo> after = cache.vms("dc1");

        assertThat(after).isNotSameAs(before);
        assertThat(before).extracting(VmInfo::name).doesNotContain("snapshot-probe-01");
        assertThatThrownBy(() -> after.add(before.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anOutageServesTheLastListButFailsWhenThereIsNone() {
        assertThat(cache.names("dc1", InventoryKind.HOSTS, "par-hv-i", 10)).hasSize(2);
        sites.simulator().site("dc1").faults().apply(Faults.down());
        clock.advance(TTL.plusSeconds(1));

        assertThat(cache.names("dc1", InventoryKind.HOSTS, "par-hv-i", 10)).hasSize(2);
        assertThatThrownBy(() -> cache.names("dc1", InventoryKind.ROLES, "", 10))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void typedFindersJoinWhatViewsNeed() {
        ClusterInfo linux = cache.cluster("dc1", "Linux-Desktops").orElseThrow();
        assertThat(linux.dataCenterName()).isEqualTo("Paris-DC");

        List<TemplateInfo> win11 = cache.templateVersions("dc1", "win11-23h2");
        assertThat(win11).extracting(TemplateInfo::version).containsExactly(1, 2);
        assertThat(win11.get(1).versionName()).isEqualTo("2026-10-patches");
        assertThat(win11).allSatisfy(t -> assertThat(t.isOk()).isTrue());
        assertThat(cache.clusterById("dc1", win11.get(0).clusterId()).orElseThrow().name()).isEqualTo("Win-Desktops");

        VmInfo jump = cache.vmsNamed("dc1", "par-jump-01").get(0);
        assertThat(jump.status()).isEqualTo("up");
        assertThat(jump.ipv4()).isPresent();
        assertThat(cache.hostById("dc1", jump.hostId()).orElseThrow().name()).startsWith("par-hv-i");
        assertThat(cache.clusterById("dc1", jump.clusterId()).orElseThrow().name()).isEqualTo("Infra");
    }

    @Test
    void aLockedTemplateShowsAsLockedAfterARefresh() {
        var engine = sites.simulator().site("dc2").engine();
        TemplateEntity template = engine.read(() -> engine.estate().templates.values().stream()
                .filter(t -> "win10-22h2".equals(t.name)).findFirst().orElseThrow());
        assertThat(cache.templateVersions("dc2", "win10-22h2").get(0).isOk()).isTrue();
        engine.write(() -> template.status = "locked");
        try {
            cache.refresh("dc2");
            assertThat(cache.templateVersions("dc2", "win10-22h2").get(0).isLocked()).isTrue();
        } finally {
            engine.write(() -> template.status = "ok");
        }
    }

    @Test
    void everyKindCanBeListed() {
        for (InventoryKind kind : InventoryKind.values()) {
            assertThat(cache.names("dc1", kind, "", 500)).as(kind.keyword()).isNotEmpty();
        }
        assertThat(cache.names("dc1", InventoryKind.ROLES, "user", 10)).contains("UserRole");
        assertThat(cache.names("dc1", InventoryKind.GROUPS, "vdi-", 10)).contains("vdi-admins");
        assertThat(cache.names("dc1", InventoryKind.POOLS, "", 10)).contains("finance-win10");
        assertThat(cache.storageDomains("dc1")).filteredOn(sd -> sd.name().equals("paris-data-01")).singleElement()
                .satisfies(sd -> {
                    assertThat(sd.type()).isEqualTo("data");
                    assertThat(sd.status()).isEqualTo("active");
                });
    }
}
