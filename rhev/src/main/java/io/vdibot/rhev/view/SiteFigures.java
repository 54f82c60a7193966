package io.vdibot.rhev.view;

import io.vdibot.rhev.inventory.HostInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.UserDesktops;
import io.vdibot.rhev.inventory.VmInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's numbers for one site. "Up" is the engine's status {@code up}; everything else (maintenance,
 * powering up, image locked, …) counts as not up, with the statuses of the hosts that are not up kept for the text.
 * Users are the engine users with a VM assigned to them (see {@link UserDesktops}): with a running VM when at least
 * one of theirs is up.
 *
 * @param hostsNotUpByStatus engine status → number of hosts, for hosts that are not up
 */
record SiteFigures(String site, Instant at, int hostsUp, int hostsNotUp, Map<String, Integer> hostsNotUpByStatus,
                   int vmsUp, int vmsNotUp, int usersWithRunningVm, int usersWithout) {

    SiteFigures {
        hostsNotUpByStatus = Map.copyOf(hostsNotUpByStatus);
    }

    static SiteFigures of(InventoryCache inventory, String site, Instant at) {
        List<HostInfo> hosts = inventory.hosts(site);
        Map<String, Integer> notUp = new TreeMap<>();
        int hostsUp = 0;
        for (HostInfo host : hosts) {
            if ("up".equals(host.status())) {
                hostsUp++;
            } else {
                notUp.merge(host.status() == null ? "unknown" : host.status(), 1, Integer::sum);
            }
        }
        List<VmInfo> vms = inventory.vms(site);
        int vmsUp = (int) vms.stream().filter(VmInfo::isUp).count();
        List<UserDesktops> desktops = inventory.desktops(site);
        int withRunning = (int) desktops.stream().filter(UserDesktops::hasRunningVm).count();
        return new SiteFigures(site, at, hostsUp, hosts.size() - hostsUp, notUp, vmsUp, vms.size() - vmsUp,
                withRunning, desktops.size() - withRunning);
    }
}
