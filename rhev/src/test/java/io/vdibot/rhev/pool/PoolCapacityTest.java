package io.vdibot.rhev.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.rhev.inventory.HostInfo;
import io.vdibot.rhev.inventory.PermissionInfo;
import io.vdibot.rhev.inventory.VmInfo;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The arithmetic of the capacity check and of the states of pool VMs, without an engine. */
class PoolCapacityTest {

    private static final long GIB = 1L << 30;
    private static final PoolLimits LIMITS = PoolLimits.DEFAULTS;

    private static HostInfo host(String id, String status, long memoryGib, Long maxSchedulingGib) {
        return new HostInfo(id, id, id + ".example", status, "c1", memoryGib * GIB,
                maxSchedulingGib == null ? null : maxSchedulingGib * GIB);
    }

    private static VmInfo vm(String name, String status, String hostId, long memoryGib, boolean handedOut,
            boolean illegal) {
        List<PermissionInfo> grants = handedOut ? List.of(new PermissionInfo("p-" + name, "r", "u1", null))
                : List.of();
        return new VmInfo("id-" + name, name, null, status, "c1", hostId, "t", "pool", List.of(), null,
                memoryGib * GIB, 2, grants, null, illegal);
    }

    @Test
    void freeMemoryIsWhatTheHostsThatAreUpReportAsSchedulableOrTheirMemoryLessTheVmsRunningThere() {
        List<HostInfo> hosts = List.of(host("h1", "up", 512, 300L), host("h2", "maintenance", 512, 512L),
                host("h3", "up", 256, null));
        List<VmInfo> vms = List.of(vm("a", "up", "h3", 16, false, false), vm("b", "up", "h3", 8, false, false),
                vm("c", "up", "h1", 64, false, false), vm("d", "down", null, 4, false, false));

        // h1 reports 300 GiB; h2 is not up; h3 reports nothing: 256 - 16 - 8
        assertThat(PoolCapacity.free(hosts, () -> vms)).isEqualTo((300 + 232) * GIB);
        // the VMs are only read when a host up does not report its schedulable memory
        assertThat(PoolCapacity.free(List.of(host("h1", "up", 512, 300L)), () -> {
            throw new AssertionError("the VMs were read");
        })).isEqualTo(300 * GIB);
        // a host over-committed by its VMs has nothing left, not less than nothing
        assertThat(PoolCapacity.free(List.of(host("h3", "up", 16, null)), () -> vms)).isZero();
    }

    @Test
    void aNeedAboveTheRefuseRatioIsRefusedAboveTheWarnRatioWarnedAndARatioOfZeroOrLessIsOff() {
        // 100 GiB free; each VM holds 4 GiB
        assertThat(capacity(20).verdict(LIMITS)).isEqualTo(PoolCapacity.Verdict.FITS);        // 80 GiB = 80 %
        assertThat(capacity(21).verdict(LIMITS)).isEqualTo(PoolCapacity.Verdict.WARN);        // 84 GiB
        assertThat(capacity(25).verdict(LIMITS)).isEqualTo(PoolCapacity.Verdict.WARN);        // 100 GiB = 100 %
        assertThat(capacity(26).verdict(LIMITS)).isEqualTo(PoolCapacity.Verdict.REFUSE);      // 104 GiB
        assertThat(capacity(0).verdict(LIMITS)).isEqualTo(PoolCapacity.Verdict.FITS);

        assertThat(capacity(200).verdict(new PoolLimits(238, 24, 0.8, 0))).isEqualTo(PoolCapacity.Verdict.WARN);
        assertThat(capacity(200).verdict(new PoolLimits(238, 24, -1, -1))).isEqualTo(PoolCapacity.Verdict.FITS);
        assertThat(capacity(2).verdict(new PoolLimits(238, 24, 0.05, 1.5))).isEqualTo(PoolCapacity.Verdict.WARN);
        // a cluster with nothing free refuses whatever is started
        assertThat(new PoolCapacity("c", 0, 1, GIB).verdict(LIMITS)).isEqualTo(PoolCapacity.Verdict.REFUSE);
        assertThatThrownBy(() -> new PoolLimits(238, 24, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PoolCapacity capacity(int vms) {
        return new PoolCapacity("Linux", 100 * GIB, vms, 4 * GIB);
    }

    @Test
    void theNumbersAreSaidInGibibytesAndPercent() {
        PoolCapacity capacity = new PoolCapacity("Infra", 270_246_346_752L, 200, 4 * GIB);
        assertThat(capacity.needBytes()).isEqualTo(800 * GIB);
        assertThat(capacity.args("big", "dc1", 1.0)).containsExactly("big", "200", "4 GiB", "800 GiB", "Infra", "dc1",
                "251.7 GiB", "100");
        assertThat(PoolCapacity.gib(GIB / 2)).isEqualTo("0.5 GiB");
        assertThat(PoolCapacity.gib(0)).isEqualTo("0 GiB");
        assertThat(PoolCapacity.percent(0.8)).isEqualTo("80");
        assertThat(PoolCapacity.percent(0.125)).isEqualTo("12.5");
        assertThat(Messages.forLocale(Locale.ENGLISH).format("pool.capacity.refused", capacity.args("big", "dc1", 1)))
                .isEqualTo("Pool big would start 200 × 4 GiB = 800 GiB of VM memory in cluster Infra at site dc1, "
                        + "which has 251.7 GiB free on its hosts that are up: more than the 100% of it the bot allows "
                        + "(setting vdibot.limits.capacity.refuse-ratio). Ask for fewer VMs to start (prestarted), or "
                        + "use a cluster with more room.");
    }

    @Test
    void aPoolStartsWhatItsPrestartedCountLacksAndOnlyVmsItCanRun() {
        List<VmInfo> members = List.of(vm("p-1", "up", "h1", 4, false, false),
                vm("p-2", "up", "h1", 4, true, false), vm("p-3", "powering_up", "h1", 4, false, false),
                vm("p-4", "down", null, 4, false, false), vm("p-5", "image_locked", null, 4, false, false));

        // p-2 is handed to a user and p-4, p-5 do not run: two prestarted VMs
        assertThat(PoolVmStates.prestarted(members)).isEqualTo(2);
        assertThat(PoolVmStates.toStart(5, 2, 10)).isEqualTo(3);
        assertThat(PoolVmStates.toStart(5, 2, 1)).isEqualTo(1);
        assertThat(PoolVmStates.toStart(1, 2, 10)).isZero();
        assertThat(PoolVmStates.startable(vm("x", "down", null, 4, false, false))).isTrue();
        assertThat(PoolVmStates.startable(vm("x", "down", null, 4, false, true))).isFalse();
    }

    @Test
    void aVmLeftDownIsHealthyWhenDownOrStartedByTheEngineWithLegalDisks() {
        Messages en = Messages.forLocale(Locale.ENGLISH);
        assertThat(PoolVmStates.problem(vm("x", "down", null, 4, false, false), en)).isNull();
        assertThat(PoolVmStates.problem(vm("x", "wait_for_launch", "h1", 4, false, false), en)).isNull();
        assertThat(PoolVmStates.problem(vm("x", "down", null, 4, false, true), en))
                .isEqualTo("its disks are illegal (the engine could not create them), so the engine will not start it");
        assertThat(PoolVmStates.problem(vm("x", "unknown", null, 4, false, false), en))
                .isEqualTo("its status is unknown");
        assertThat(PoolVmStates.problem(vm("x", "image_locked", null, 4, false, false), en))
                .isEqualTo("its status is image locked");
        assertThat(PoolVmStates.problem(null, en)).isEqualTo("gone");
    }
}
