package io.vdibot.rhev.template;

import io.vdibot.commands.handler.Violation;
import io.vdibot.rhev.template.ExportDomainSearch.Away;
import io.vdibot.rhev.template.ExportDomainSearch.Finding;
import io.vdibot.rhev.template.ExportDomainSearch.Found;
import io.vdibot.rhev.template.ExportDomainSearch.Nowhere;
import io.vdibot.rhev.template.ExportDomainSearch.Several;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What keeps a migration from using the export domain it looked for, or from bringing it to the source data center:
 * asked before the task is accepted and again by its preflight, with the same words. Each refusal says where the
 * domain is, so nobody has to search the engines for it.
 */
final class ExportDomainChecks {

    private static final String FIELD = "from";

    private final ExportDomains domains;

    ExportDomainChecks(ExportDomains domains) {
        this.domains = domains;
    }

    /**
     * Why the search found no domain to use, for data center {@code dataCenterName} at {@code site}: none known to
     * the engines that answered, or several, of which picking one is not ours to do.
     */
    Violation notFound(Finding finding, String site, String dataCenterName) {
        if (finding instanceof Nowhere nowhere) {
            String searched = String.join(", ", nowhere.searched());
            return nowhere.unreachable().isEmpty()
                    ? Violation.of(FIELD, "template.migrate.export-domain-nowhere", dataCenterName, site, searched)
                    : Violation.of(FIELD, "template.migrate.export-domain-nowhere-unreachable", dataCenterName, site,
                            searched, String.join(", ", nowhere.unreachable()));
        }
        if (finding instanceof Several several) {
            String found = several.domains().stream().map(d -> d.name() + " (" + d.location() + ")")
                    .collect(Collectors.joining(", "));
            return Violation.of(FIELD, "template.migrate.export-domains-several", dataCenterName, site, found);
        }
        throw new IllegalArgumentException("a domain was found: " + finding);
    }

    /**
     * A domain to bring must be released where it is, through a host that is up there: in its data center to put
     * it into maintenance and detach it, or anywhere at an engine that knows it unattached, to remove it there. A
     * domain the source engine knows unattached needs no host but the source's, which preflight asks for anyway.
     */
    Optional<Violation> cannotBring(Found found, String site, String dataCenterName) {
        if (!(found instanceof Away away)) {
            return Optional.empty();
        }
        DomainOrigin at = away.origin();
        if (!at.attached() && at.site().equals(site)) {
            return Optional.empty();
        }
        if (domains.upHost(at.site(), at.dataCenterId()).isPresent()) {
            return Optional.empty();
        }
        String name = away.domain().name();
        return Optional.of(at.attached()
                ? Violation.of(FIELD, "template.migrate.bring-no-up-host", name, at.dataCenterName(), at.site(),
                        at.status(), dataCenterName, site)
                : Violation.of(FIELD, "template.migrate.bring-no-up-host-unattached", name, at.site(),
                        dataCenterName, site));
    }
}
