package io.vdibot.core.e2e;

import io.vdibot.rhev.simulator.SimulatedSite;
import io.vdibot.rhev.simulator.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a form or a home page could show of the simulated estate — sites, clusters, storage domains, templates,
 * VMs and pools — for tests that check none of them reaches someone who may not see them.
 */
public final class EstateNames {

    private EstateNames() {
    }

    public static List<String> of(Simulator simulator) {
        List<String> names = new ArrayList<>();
        for (SimulatedSite site : simulator.sites()) {
            names.add(site.name());
            var engine = site.engine();
            names.addAll(engine.read(() -> {
                List<String> found = new ArrayList<>();
                var estate = engine.estate();
                estate.clusters.values().forEach(c -> found.add(c.name));
                estate.storageDomains.values().forEach(s -> found.add(s.name));
                estate.templates.values().stream().filter(t -> !t.isBlank()).forEach(t -> found.add(t.name));
                estate.vms.values().forEach(vm -> found.add(vm.name));
                estate.pools.values().forEach(p -> found.add(p.name));
                return found;
            }));
        }
        return names.stream().distinct().toList();
    }
}
