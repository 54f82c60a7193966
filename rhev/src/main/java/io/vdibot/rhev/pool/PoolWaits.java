package io.vdibot.rhev.pool;

import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.wait.PacedPoller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The waits of pool tasks, each one collection query per look: the pool's VMs ({@code vms?search=pool=NAME}) or a
 * batch's VMs by name ({@code name=a or name=b …}, with {@code follow=reported_devices} for addresses). The pace of
 * the looks comes from {@link PoolTimings#pace()} and, when known, from how long the same wait took for the
 * previous batch.
 */
final class PoolWaits {

    /**
     * The pool after a wait for new VMs.
     *
     * @param size     VMs in the pool
     * @param running  of those, the ones neither down nor still having their disks created
     * @param down     the VMs that are down
     * @param fresh    the VMs not known before the pool grew
     * @param complete the pool reached its size and none of the new VMs is still having its disks created
     */
    record Growth(int size, int running, List<VmInfo> down, List<VmInfo> fresh, boolean complete) {
    }

    /**
     * Where the watched VMs got to.
     *
     * @param ready    address of each VM up with an IPv4 address, by name
     * @param last     each watched VM as last seen (absent: no longer there)
     * @param complete every watched VM is ready
     */
    record Readiness(Map<String, String> ready, Map<String, VmInfo> last, boolean complete) {
    }

    private final String site;
    private final PoolActions actions;
    private final PoolTimings timings;
    private final PacedPoller poller;
    private final Supplier<RuntimeException> vanished;

    PoolWaits(String site, PoolActions actions, PoolTimings timings, PacedPoller poller,
            Supplier<RuntimeException> vanished) {
        this.site = site;
        this.actions = actions;
        this.timings = timings;
        this.poller = poller;
        this.vanished = vanished;
    }

    /**
     * Waits until the pool has {@code size} VMs and none of those not in {@code known} is still {@code image_locked}.
     * The engine adds a pool's VMs one after another, so the look is first at the pool's size (one pool), then at
     * its VMs still locked ({@code pool=NAME and status=image_locked}): small answers, however big the pool. The
     * whole pool is listed once, at the end. A pool the engine removed (it removes a new pool none of whose VMs
     * could be created) fails with {@code vanished}.
     */
    Growth created(PoolInfo pool, int size, Set<String> known, Duration expected) {
        int[] sized = {-1};
        Optional<Boolean> done = poller.poll(timings.pace(), timings.createTimeout(), expected, () -> {
            if (sized[0] < size) {
                sized[0] = actions.named(site, pool.name()).filter(p -> p.id().equals(pool.id()))
                        .orElseThrow(vanished).size();
                if (sized[0] < size) {
                    return Optional.empty();
                }
            }
            return actions.locked(site, pool).stream().anyMatch(vm -> !known.contains(vm.name()))
                    ? Optional.empty() : Optional.of(true);
        });
        if (done.isPresent()) {
            // nothing is locked any more, so the VMs that are not down run: only the down ones need listing
            List<VmInfo> down = actions.vms(site, pool, "status=down");
            List<VmInfo> fresh = down.stream().filter(vm -> !known.contains(vm.name())).toList();
            return new Growth(sized[0], sized[0] - down.size(), down, fresh, true);
        }
        List<VmInfo> all = actions.vms(site, pool, false);
        if (all.isEmpty() && actions.named(site, pool.name()).filter(p -> p.id().equals(pool.id())).isEmpty()) {
            throw vanished.get();
        }
        List<VmInfo> fresh = all.stream().filter(vm -> !known.contains(vm.name())).toList();
        List<VmInfo> down = all.stream().filter(vm -> "down".equals(vm.status())).toList();
        int running = (int) all.stream().filter(vm -> !"down".equals(vm.status())
                && !"image_locked".equals(vm.status())).count();
        boolean complete = all.size() >= size && fresh.stream().noneMatch(vm -> "image_locked".equals(vm.status()));
        return new Growth(all.size(), running, down, fresh, complete);
    }

    /** Waits until each VM named is up with an IPv4 address. */
    Readiness ready(PoolInfo pool, List<String> names, Duration timeout, Duration expected) {
        Readiness[] last = new Readiness[1];
        Optional<Readiness> done = poller.poll(timings.pace(), timeout, expected, () -> {
            Map<String, VmInfo> seen = new LinkedHashMap<>();
            actions.vmsNamed(site, pool, names, true).forEach(vm -> seen.put(vm.name(), vm));
            Map<String, String> ready = new LinkedHashMap<>();
            for (String name : names) {
                VmInfo vm = seen.get(name);
                if (vm != null && vm.isUp()) {
                    vm.ipv4().ifPresent(ip -> ready.put(name, ip));
                }
            }
            last[0] = new Readiness(ready, seen, ready.size() == names.size());
            return last[0].complete() ? Optional.of(last[0]) : Optional.empty();
        });
        return done.orElse(last[0]);
    }

    /** Waits until each VM named is down (or gone); returns those that are not. */
    List<String> down(PoolInfo pool, List<String> names) {
        List<String> notDown = new ArrayList<>(names);
        poller.poll(timings.pace(), timings.removeTimeout(), null, () -> {
            notDown.clear();
            actions.vmsNamed(site, pool, names, false).stream().filter(vm -> !"down".equals(vm.status()))
                    .forEach(vm -> notDown.add(vm.name()));
            return notDown.isEmpty() ? Optional.of(true) : Optional.empty();
        });
        return List.copyOf(notDown);
    }

    /** Waits until these VMs are gone from the site; returns the names of those still there. */
    List<String> vmsGone(List<VmInfo> vms) {
        List<String> names = vms.stream().map(VmInfo::name).toList();
        Set<String> ids = vms.stream().map(VmInfo::id).collect(Collectors.toSet());
        List<String> left = new ArrayList<>(names);
        poller.poll(timings.pace(), timings.removeTimeout(), null, () -> {
            left.clear();
            actions.vmsNamed(site, null, names, false).stream().filter(vm -> ids.contains(vm.id()))
                    .forEach(vm -> left.add(vm.name()));
            return left.isEmpty() ? Optional.of(true) : Optional.empty();
        });
        return List.copyOf(left);
    }

    /** Waits until the pool is gone; returns its last state when it is still there. */
    Optional<PoolInfo> poolGone(PoolInfo pool) {
        PoolInfo[] last = {pool};
        Optional<Boolean> gone = poller.poll(timings.pace(), timings.removeTimeout(), null, () -> {
            Optional<PoolInfo> now = actions.named(site, pool.name()).filter(p -> p.id().equals(pool.id()));
            now.ifPresent(p -> last[0] = p);
            return now.isEmpty() ? Optional.of(true) : Optional.empty();
        });
        return gone.isPresent() ? Optional.empty() : Optional.of(last[0]);
    }
}
