package io.vdibot.rhev.template;

import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.DataCenterInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the export domain a migration travels on, wherever it is. Usually it is active in the source data center;
 * an earlier migration that did not move it back leaves it at its target, and an interrupted one may leave it in
 * maintenance or known to an engine but attached nowhere. The sites share one NFS export domain, so the search asks
 * every configured engine (the source first, then the target, then the others) and expects one NFS export among
 * their export domains.
 */
final class ExportDomainSearch {

    /** What the search found. */
    sealed interface Finding {
    }

    /** The one export domain of the sites, found. */
    sealed interface Found extends Finding {
        ExportDomain domain();
    }

    /** Active in the source data center: nothing to bring. */
    record InPlace(ExportDomain domain) implements Found {
    }

    /** Elsewhere, or attached to the source data center but not active: to be brought from {@code origin}. */
    record Away(ExportDomain domain, DomainOrigin origin) implements Found {
    }

    /** No engine that answered knows an export domain. @param unreachable the sites that did not answer */
    record Nowhere(List<String> searched, List<String> unreachable) implements Finding {
    }

    /** Engines know several NFS export domains and none is in the source data center: which one is not ours to pick. */
    record Several(List<ExportDomain> domains) implements Finding {
    }

    /** One engine's sighting of an export domain. */
    private record Sighting(ExportDomain domain, DomainOrigin origin) {
    }

    private final ExportDomains domains;
    private final InventoryCache inventory;

    ExportDomainSearch(ExportDomains domains, InventoryCache inventory) {
        this.domains = domains;
        this.inventory = inventory;
    }

    /**
     * Where the export domain is, seen from data center {@code dataCenterId} at {@code site}, the source of a
     * migration to {@code targetSite}. The source engine must answer (its failure is thrown); other engines that do
     * not answer are left out and named when nothing is found.
     */
    Finding find(String site, String dataCenterId, String targetSite) {
        List<ExportDomains.Attached> here = domains.exportDomainsIn(site, dataCenterId);
        if (!here.isEmpty()) {
            ExportDomains.Attached attached = here.get(0);
            if ("active".equals(attached.status())) {
                return new InPlace(attached.domain());
            }
            String name = dataCenterName(site, dataCenterId);
            return new Away(attached.domain(), new DomainOrigin(site, dataCenterId, name, attached.status()));
        }
        List<String> order = searchOrder(site, targetSite);
        List<String> unreachable = new ArrayList<>();
        Map<String, List<Sighting>> byExport = new LinkedHashMap<>();
        for (String s : order) {
            try {
                for (ExportDomains.Listed listed : domains.exportDomainsKnownTo(s)) {
                    byExport.computeIfAbsent(listed.domain().location(), k -> new ArrayList<>())
                            .add(new Sighting(listed.domain(), origin(s, listed)));
                }
            } catch (EngineException e) {
                if (s.equals(site)) {
                    throw e;
                }
                unreachable.add(s);
            }
        }
        if (byExport.isEmpty()) {
            return new Nowhere(order.stream().filter(s -> !unreachable.contains(s)).toList(), unreachable);
        }
        List<Sighting> chosen = byExport.values().stream().map(ExportDomainSearch::best).toList();
        if (chosen.size() > 1) {
            return new Several(chosen.stream().map(Sighting::domain).toList());
        }
        return new Away(chosen.get(0).domain(), chosen.get(0).origin());
    }

    /**
     * Of several engines' views of one domain, the one that holds it: where it is attached (only one data center
     * can use an export domain at a time), else an engine that knows it unattached, the source first.
     */
    private static Sighting best(List<Sighting> sightings) {
        return sightings.stream().filter(s -> s.origin().attached()).findFirst().orElse(sightings.get(0));
    }

    private DomainOrigin origin(String site, ExportDomains.Listed listed) {
        if (listed.dataCenterIds().isEmpty()) {
            return DomainOrigin.unattached(site);
        }
        String dataCenterId = listed.dataCenterIds().get(0);
        String status = domains.statusIn(site, dataCenterId, listed.domain().id()).orElse("unknown");
        return new DomainOrigin(site, dataCenterId, dataCenterName(site, dataCenterId), status);
    }

    private String dataCenterName(String site, String dataCenterId) {
        return inventory.findOrRefresh(site, () -> inventory.dataCenterById(site, dataCenterId))
                .map(DataCenterInfo::name).orElse(dataCenterId);
    }

    private List<String> searchOrder(String site, String targetSite) {
        Set<String> order = new LinkedHashSet<>(List.of(site, targetSite));
        order.addAll(inventory.sites());
        return List.copyOf(order);
    }
}
