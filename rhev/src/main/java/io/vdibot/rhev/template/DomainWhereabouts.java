package io.vdibot.rhev.template;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.DataCenterInfo;
import io.vdibot.rhev.inventory.InventoryQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the export domain is right now, asked of every engine involved: attached to a data center (and its status
 * there), known to an engine but attached nowhere, or known to none (it is only on the NFS server). A migration
 * that fails tells the requester this, so that nobody has to search two engines for a domain half-way moved.
 */
final class DomainWhereabouts {

    /**
     * One engine's view. {@code dataCenterId} is null when the engine knows the domain but has it attached nowhere.
     */
    record Place(String site, boolean reachable, boolean known, String dataCenterId, String dataCenterName,
                 String status) {

        boolean attachedTo(String dataCenter) {
            return dataCenter != null && dataCenter.equals(dataCenterId);
        }
    }

    private final ExportDomains domains;
    private final InventoryQueries queries;

    DomainWhereabouts(ExportDomains domains, InventoryQueries queries) {
        this.domains = domains;
        this.queries = queries;
    }

    List<Place> locate(ExportDomain domain, List<String> sites) {
        List<Place> places = new ArrayList<>();
        for (String site : sites) {
            try {
                Optional<ExportDomains.Known> known = domains.known(site, domain);
                if (known.isEmpty()) {
                    places.add(new Place(site, true, false, null, null, null));
                } else if (!known.get().attached()) {
                    places.add(new Place(site, true, true, null, null, "unattached"));
                } else {
                    String dcId = known.get().dataCenterIds().get(0);
                    String dcName = queries.dataCenters(site).stream().filter(dc -> dc.id().equals(dcId))
                            .map(DataCenterInfo::name).findFirst().orElse(dcId);
                    String status = domains.statusIn(site, dcId, known.get().id()).orElse("unknown");
                    places.add(new Place(site, true, true, dcId, dcName, status));
                }
            } catch (EngineException e) {
                places.add(new Place(site, false, false, null, null, null));
            }
        }
        return places;
    }

    /** One sentence: where the domain is, from every engine's answer. */
    static String describe(Messages messages, ExportDomain domain, List<Place> places) {
        return messages.format("template.migrate.where", domain.name(), places(messages, domain, places));
    }

    /** Where the domain is, in a few words per engine: for a field of the result. */
    static String places(Messages messages, ExportDomain domain, List<Place> places) {
        List<String> parts = new ArrayList<>();
        for (Place place : places) {
            if (!place.reachable()) {
                parts.add(messages.format("template.migrate.where.unreachable", place.site()));
            } else if (place.dataCenterId() != null) {
                parts.add(messages.format("template.migrate.where.attached", place.dataCenterName(), place.site(),
                        place.status()));
            } else if (place.known()) {
                parts.add(messages.format("template.migrate.where.unattached", place.site()));
            }
        }
        if (parts.isEmpty()) {
            parts.add(messages.format("template.migrate.where.nowhere", domain.location()));
        }
        return String.join("; ", parts);
    }
}
