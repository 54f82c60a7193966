package io.vdibot.rhev.template;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.rhev.template.ExportDomainMove.End;
import java.util.Objects;

/**
 * Where a migration finds the export domain when its source data center does not have it active: attached to a
 * data center (another one, or the source's own, in maintenance), or known to an engine and attached nowhere.
 *
 * @param dataCenterId   null when the engine of {@code site} has the domain attached to no data center
 * @param dataCenterName null with {@code dataCenterId}
 * @param status         its status in that data center, {@code unattached} when in none
 */
record DomainOrigin(String site, String dataCenterId, String dataCenterName, String status) {

    DomainOrigin {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(status, "status");
    }

    static DomainOrigin unattached(String site) {
        return new DomainOrigin(site, null, null, "unattached");
    }

    boolean attached() {
        return dataCenterId != null;
    }

    /** The domain is attached to {@code end}'s data center already (it only needs to be activated there). */
    boolean isIn(End end) {
        return site.equals(end.site()) && Objects.equals(dataCenterId, end.dataCenterId());
    }

    End end() {
        return new End(site, dataCenterId, dataCenterName);
    }

    /** "data center Singapore-DC at site dc2 (active)", or "site dc2 (attached to no data center)". */
    String describe(Messages messages) {
        return attached()
                ? messages.format("template.migrate.origin.attached", dataCenterName, site, status)
                : messages.format("template.migrate.origin.unattached", site);
    }
}
