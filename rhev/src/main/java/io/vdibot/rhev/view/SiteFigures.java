package io.vdibot.rhev.view;

import io.vdibot.rhev.inventory.HostInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.RoleInfo;
import io.vdibot.rhev.inventory.UserDesktops;
import io.vdibot.rhev.inventory.UserInfo;
import io.vdibot.rhev.inventory.VmInfo;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The dashboard's numbers for one site, read from the cached inventory: hosts and VMs by {@link StatusGroup}, and the
 * engine's users split into those with a desktop and those without. A user has a desktop when a VM is assigned to
 * them, that is when they hold a user's (not an administrator's) role on a VM: taking a VM from a pool grants one, and
 * so does handing someone a personal VM (see {@link UserDesktops}). Members of a group granted a pool have no desktop
 * until they take one of its VMs.
 *
 * @param hosts number of hosts per group, only groups that have hosts, in the order of {@link StatusGroup}
 * @param vms   number of VMs per group, likewise
 */
record SiteFigures(String site, Instant at, Map<StatusGroup, Integer> hosts, Map<StatusGroup, Integer> vms,
                   int usersWithDesktop, int usersWithout) {

    SiteFigures {
        hosts = inOrder(hosts);
        vms = inOrder(vms);
    }

    static SiteFigures of(InventoryCache inventory, String site, Instant at) {
        return of(site, at, inventory.hosts(site), inventory.vms(site), inventory.users(site), inventory.roles(site));
    }

    /** The figures of lists as the inventory gives them: every host, every VM with its grants, every engine user. */
    static SiteFigures of(String site, Instant at, List<HostInfo> hosts, List<VmInfo> vms, List<UserInfo> users,
            List<RoleInfo> roles) {
        int withDesktop = UserDesktops.of(vms, users, roles).size();
        return new SiteFigures(site, at, grouped(hosts, h -> StatusGroup.ofHost(h.status())),
                grouped(vms, vm -> StatusGroup.ofVm(vm.status())), withDesktop, users.size() - withDesktop);
    }

    int hostCount() {
        return hosts.values().stream().mapToInt(Integer::intValue).sum();
    }

    int vmCount() {
        return vms.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<StatusGroup, Integer> inOrder(Map<StatusGroup, Integer> counts) {
        Map<StatusGroup, Integer> ordered = new EnumMap<>(StatusGroup.class);
        counts.forEach((group, count) -> {
            if (count > 0) {
                ordered.put(group, count);
            }
        });
        return Collections.unmodifiableMap(ordered);
    }

    private static <T> Map<StatusGroup, Integer> grouped(List<T> items, Function<T, StatusGroup> group) {
        Map<StatusGroup, Integer> counts = new EnumMap<>(StatusGroup.class);
        items.forEach(item -> counts.merge(group.apply(item), 1, Integer::sum));
        return counts;
    }
}
