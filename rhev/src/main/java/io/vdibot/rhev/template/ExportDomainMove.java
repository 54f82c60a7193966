package io.vdibot.rhev.template;

import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.HostInfo;
import io.vdibot.commands.i18n.Durations;
import io.vdibot.rhev.wait.Poller;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves the export domain out of one data center and into another, possibly on another engine, one step at a
 * time. Every step first looks at where the domain is and does only what is left, so a step repeated after a crash
 * or a lost answer never sends a command the estate has already carried out (a second detach would be refused).
 */
final class ExportDomainMove {

    /** One side of the move: a data center at a site (none, for a domain an engine has attached nowhere). */
    record End(String site, String dataCenterId, String dataCenterName) {
    }

    /** Statuses the engine passes through on its own; a step waits them out before deciding what to do. */
    private static final Set<String> TRANSITIONAL = Set.of("locked", "preparing_for_maintenance", "detaching",
            "activating");

    private final TaskContext context;
    private final Messages messages;
    private final ExportDomains domains;
    private final ExportDomain domain;
    private final TemplateTimings timings;
    private final Poller poller;

    ExportDomainMove(TaskContext context, ExportDomains domains, ExportDomain domain, TemplateTimings timings,
            Poller poller) {
        this.context = context;
        this.messages = context.messages();
        this.domains = domains;
        this.domain = domain;
        this.timings = timings;
        this.poller = poller;
    }

    /** Puts the domain in maintenance in {@code from}'s data center, unless it is already there or gone from it. */
    String deactivate(End from, String correlationId) {
        Optional<String> status = settled(from);
        if (status.isEmpty()) {
            log("template.migrate.log.not-attached", domain.name(), from.dataCenterName(), from.site());
            return "not-attached";
        }
        if ("maintenance".equals(status.get())) {
            log("template.migrate.log.already-maintenance", domain.name(), from.dataCenterName(), from.site());
            return "maintenance";
        }
        if (!"active".equals(status.get()) && !"inactive".equals(status.get())) {
            throw unexpected(from, status.get());
        }
        domains.deactivate(from.site(), from.dataCenterId(), domain.id(), correlationId);
        log("template.migrate.log.deactivating", domain.name(), from.dataCenterName(), from.site());
        awaitStatus(from, s -> s.isEmpty() || "maintenance".equals(s.get()), "maintenance");
        log("template.migrate.log.maintenance", domain.name(), from.dataCenterName(), from.site());
        return "maintenance";
    }

    /** Detaches the domain from {@code from}'s data center, unless it is no longer attached there. */
    String detach(End from, String correlationId) {
        Optional<String> status = settled(from);
        if (status.isEmpty()) {
            log("template.migrate.log.already-detached", domain.name(), from.dataCenterName(), from.site());
            return "detached";
        }
        if (!"maintenance".equals(status.get())) {
            throw unexpected(from, status.get());
        }
        domains.detach(from.site(), from.dataCenterId(), domain.id(), correlationId);
        awaitStatus(from, Optional::isEmpty, "unattached");
        log("template.migrate.log.detached", domain.name(), from.dataCenterName(), from.site());
        return "detached";
    }

    /** Removes the domain from {@code from}'s engine without formatting it, unless that engine no longer knows it. */
    String remove(End from, String correlationId) {
        Optional<ExportDomains.Known> known = domains.known(from.site(), domain);
        if (known.isEmpty()) {
            log("template.migrate.log.already-removed", domain.name(), from.site());
            return "removed";
        }
        if (known.get().attached()) {
            throw fail("template.migrate.still-attached", domain.name(), from.site());
        }
        HostInfo host = upHost(from);
        try {
            domains.removeKeepingData(from.site(), known.get().id(), host.name(), correlationId);
        } catch (EngineException e) {
            // An answer lost after the engine removed it comes back as a refusal of the repeated call.
            if (domains.known(from.site(), domain).isPresent()) {
                throw e;
            }
        }
        log("template.migrate.log.removed", domain.name(), from.site(), host.name());
        return "removed";
    }

    /** Imports the domain into {@code to}'s engine from its NFS export, unless that engine knows it already. */
    String importInto(End to, String correlationId) {
        Optional<ExportDomains.Known> known = domains.known(to.site(), domain);
        if (known.isPresent()) {
            requireSameDomain(to, known.get());
            log("template.migrate.log.already-known", domain.name(), to.site());
            return known.get().id();
        }
        HostInfo host = upHost(to);
        try {
            domains.importExisting(to.site(), domain, host.name(), correlationId);
        } catch (EngineException e) {
            Optional<ExportDomains.Known> now = domains.known(to.site(), domain);
            if (now.isEmpty()) {
                throw e;
            }
            requireSameDomain(to, now.get());
        }
        log("template.migrate.log.imported-domain", domain.name(), domain.location(), to.site(), host.name());
        return domain.id();
    }

    /** Attaches the domain to {@code to}'s data center (the engine activates it too) and waits until it is active. */
    String attach(End to, String correlationId) {
        Optional<String> status = settled(to);
        if (status.isPresent() && "active".equals(status.get())) {
            log("template.migrate.log.already-active", domain.name(), to.dataCenterName(), to.site());
            return "active";
        }
        if (status.isEmpty()) {
            Optional<ExportDomains.Known> known = domains.known(to.site(), domain);
            if (known.isPresent() && known.get().attached()) {
                throw fail("template.migrate.attached-elsewhere", domain.name(), to.site(), to.dataCenterName());
            }
            domains.attach(to.site(), to.dataCenterId(), domain.id(), correlationId);
            log("template.migrate.log.attaching", domain.name(), to.dataCenterName(), to.site());
        } else if (Set.of("maintenance", "inactive", "unknown").contains(status.get())) {
            domains.activate(to.site(), to.dataCenterId(), domain.id(), correlationId);
            log("template.migrate.log.activating", domain.name(), to.dataCenterName(), to.site());
        } else {
            throw unexpected(to, status.get());
        }
        awaitStatus(to, s -> s.isPresent() && "active".equals(s.get()), "active");
        log("template.migrate.log.active", domain.name(), to.dataCenterName(), to.site());
        return "active";
    }

    // ---- looking ----

    /** The domain's status in the data center once no transition is under way; empty when not attached there. */
    private Optional<String> settled(End end) {
        AtomicReference<String> last = new AtomicReference<>("unknown");
        return poller.poll(timings.schedule(timings.storageTimeout()), () -> {
            Optional<String> status = domains.statusIn(end.site(), end.dataCenterId(), domain.id());
            last.set(status.orElse("unattached"));
            return status.isPresent() && TRANSITIONAL.contains(status.get()) ? Optional.empty() : Optional.of(status);
        }).orElseThrow(() -> fail("template.migrate.storage-stuck", domain.name(), end.dataCenterName(),
                end.site(), last.get(), Durations.format(timings.storageTimeout())));
    }

    private void awaitStatus(End end, java.util.function.Predicate<Optional<String>> reached, String wanted) {
        AtomicReference<String> last = new AtomicReference<>("unknown");
        poller.poll(timings.schedule(timings.storageTimeout()), () -> {
            Optional<String> status = domains.statusIn(end.site(), end.dataCenterId(), domain.id());
            last.set(status.orElse("unattached"));
            return reached.test(status) ? Optional.of(Boolean.TRUE) : Optional.empty();
        }).orElseThrow(() -> timeout(end, wanted, last.get()));
    }

    /** A host up in {@code end}'s data center; anywhere at its site for a domain attached to no data center. */
    private HostInfo upHost(End end) {
        return domains.upHost(end.site(), end.dataCenterId())
                .orElseThrow(() -> end.dataCenterId() == null
                        ? fail("template.migrate.no-up-host-at-site", end.site())
                        : fail("template.migrate.no-up-host", end.dataCenterName(), end.site()));
    }

    /** The engine found a different domain on the same NFS export: never take one for the other. */
    private void requireSameDomain(End end, ExportDomains.Known known) {
        if (!domain.id().equals(known.id())) {
            throw fail("template.migrate.other-domain-at-export", domain.location(), end.site(), known.name());
        }
    }

    // ---- reporting ----

    private void log(String key, Object... args) {
        context.log().deploy(Text.of(key, args), messages);
    }

    private TaskFailure unexpected(End end, String status) {
        return fail("template.migrate.unexpected-status", domain.name(), status, end.dataCenterName(), end.site());
    }

    private TaskFailure timeout(End end, String wanted, String last) {
        return fail("template.migrate.storage-timeout", domain.name(), end.dataCenterName(), end.site(), wanted,
                Durations.format(timings.storageTimeout()), last);
    }

    private TaskFailure fail(String key, Object... args) {
        return new TaskFailure(messages.format(key, args), null);
    }
}
