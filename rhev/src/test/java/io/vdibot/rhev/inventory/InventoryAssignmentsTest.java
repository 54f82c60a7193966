package io.vdibot.rhev.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.connect.EngineConnections;
import io.vdibot.rhev.support.Faults;
import io.vdibot.rhev.support.MutableClock;
import io.vdibot.rhev.support.Sites;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.builders.PermissionBuilder;
import org.ovirt.engine.sdk4.builders.RoleBuilder;
import org.ovirt.engine.sdk4.builders.UserBuilder;

/**
 * What the views and the dashboard read beyond names: whom a VM is assigned to, how a pool's VMs are used, the
 * grants on a pool, storage status per data center, and an explicit reload that reports an engine outage.
 */
class InventoryAssignmentsTest {

    private static Sites sites;
    private static EngineConnections connections;
    private static EngineCalls calls;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final InventoryCache cache = new InventoryCache(new InventoryQueries(calls), Duration.ofSeconds(30),
            clock);

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

    private void grant(String site, String vmName, String role, String userName) {
        String vmId = cache.vmsNamed(site, vmName).get(0).id();
        String userId = cache.users(site).stream().filter(u -> u.userName().equals(userName)).findFirst()
                .orElseThrow().id();
        calls.call(site, "grant", c -> c.systemService().vmsService().vmService(vmId).permissionsService().add()
                .permission(new PermissionBuilder().role(new RoleBuilder().name(role))
                        .user(new UserBuilder().id(userId))).send().permission());
    }

    @Test
    void aVmGrantedToAUserWithAUserRoleIsThatUsersDesktop() {
        grant("dc1", "par-jump-01", "UserVmManager", "alice@vdi.example");
        grant("dc1", "par-win11-golden", "UserRole", "bob@vdi.example");
        grant("dc1", "par-build-01", "HostAdmin", "carol@vdi.example");
        cache.refresh("dc1");

        VmInfo jump = cache.vmsNamed("dc1", "par-jump-01").get(0);
        String aliceId = cache.users("dc1").stream().filter(u -> u.userName().startsWith("alice@")).findFirst()
                .orElseThrow().id();
        assertThat(jump.userIds()).containsExactly(aliceId);
        assertThat(jump.permissions()).singleElement().satisfies(p -> assertThat(p.groupId()).isNull());

        List<UserDesktops> desktops = cache.desktops("dc1");
        assertThat(desktops).extracting(d -> d.user().userName())
                .containsExactly("alice@vdi.example", "bob@vdi.example");
        assertThat(desktops.get(0).vms()).extracting(VmInfo::name).containsExactly("par-jump-01");
        assertThat(desktops.get(1).vms()).extracting(VmInfo::name).containsExactly("par-win11-golden");
    }

    @Test
    void poolUsageCountsRunningVmsAndTheOnesHandedToUsers() {
        PoolInfo sales = cache.pool("dc2", "sales-win10").orElseThrow();
        assertThat(cache.poolUsage("dc2").get(sales.id())).isEqualTo(new PoolUsage(5, 3, 0));
        assertThat(sales.useLatestTemplateVersion()).isFalse();

        calls.call("dc2", "take a VM", c -> c.systemService().vmPoolsService().poolService(sales.id()).allocateVm()
                .send());
        cache.refresh("dc2");

        PoolUsage usage = cache.poolUsage("dc2").get(sales.id());
        assertThat(usage.vms()).isEqualTo(5);
        assertThat(usage.handedOut()).isEqualTo(1);
        // the bot's own engine account took it, so it is that account's desktop now
        assertThat(cache.desktops("dc2")).extracting(d -> d.user().userName()).containsExactly("admin@internal-authz");
    }

    @Test
    void aPoolsGrantsNameTheGroupAndRole() {
        PoolInfo finance = cache.pool("dc1", "finance-win10").orElseThrow();
        List<PermissionInfo> grants = cache.poolPermissions("dc1", finance.id());

        assertThat(grants).singleElement().satisfies(p -> {
            assertThat(p.toUser()).isFalse();
            assertThat(cache.groups("dc1")).filteredOn(g -> g.id().equals(p.groupId())).singleElement()
                    .extracting(GroupInfo::name).isEqualTo("finance-desktops");
            assertThat(cache.roles("dc1")).filteredOn(r -> r.id().equals(p.roleId())).singleElement()
                    .extracting(RoleInfo::name).isEqualTo("UserRole");
        });
    }

    @Test
    void storageStatusIsKnownInEachDataCenter() {
        String paris = cache.dataCenters("dc1").get(0).id();
        assertThat(cache.storageDomain("dc1", "paris-data-01").orElseThrow().statusByDataCenter())
                .isEqualTo(Map.of(paris, "active"));
        assertThat(cache.storageDomain("dc1", "vdi-export").orElseThrow().statusByDataCenter())
                .containsEntry(paris, "active");
    }

    @Test
    void aReloadCountsEveryKindAndReportsAnEngineThatDoesNotAnswer() {
        Map<InventoryKind, Integer> counts = cache.reload("dc2");
        assertThat(counts).containsOnlyKeys(InventoryKind.values());
        assertThat(counts.get(InventoryKind.CLUSTERS)).isEqualTo(2);
        assertThat(counts.get(InventoryKind.HOSTS)).isEqualTo(5);
        assertThat(counts.get(InventoryKind.TEMPLATES)).isEqualTo(2);
        assertThat(counts.get(InventoryKind.POOLS)).isEqualTo(1);
        assertThat(counts.get(InventoryKind.VMS)).isEqualTo(cache.vms("dc2").size());

        sites.simulator().site("dc2").faults().apply(Faults.down());
        assertThatThrownBy(() -> cache.reload("dc2")).isInstanceOf(EngineException.class);
        // a plain read still serves the last lists while the engine is away
        assertThat(cache.names("dc2", InventoryKind.CLUSTERS, "", 10)).hasSize(2);
    }

    @Test
    void refreshAllForgetsEverySite() {
        List<VmInfo> dc1 = cache.vms("dc1");
        List<VmInfo> dc2 = cache.vms("dc2");

        cache.refreshAll();

        assertThat(cache.vms("dc1")).isNotSameAs(dc1);
        assertThat(cache.vms("dc2")).isNotSameAs(dc2);
    }

    @Test
    void theNameIndexFollowsAReload() {
        assertThat(cache.exists("dc1", InventoryKind.VMS, "idx-probe-01")).isFalse();
        calls.call("dc1", "add VM", c -> c.systemService().vmsService().add().vm(
                new org.ovirt.engine.sdk4.builders.VmBuilder().name("idx-probe-01")
                        .cluster(new org.ovirt.engine.sdk4.builders.ClusterBuilder().name("Linux-Desktops"))
                        .template(new org.ovirt.engine.sdk4.builders.TemplateBuilder().name("rhel9-desktop")))
                .send().vm());
        assertThat(cache.exists("dc1", InventoryKind.VMS, "idx-probe-01")).isFalse();

        cache.refresh("dc1");

        assertThat(cache.exists("dc1", InventoryKind.VMS, "idx-probe-01")).isTrue();
        assertThat(cache.names("dc1", InventoryKind.VMS, "IDX-", 5)).containsExactly("idx-probe-01");
    }
}
