package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.EventEntity;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A storage domain's status inside a data center, as the engine's storage commands move it:
 * deactivate (locked, preparing for maintenance, maintenance), activate, attach (which activates too)
 * and detach (detaching, then gone from the data center). The owner recorded in the shared NFS metadata
 * is what lets only one data center use an export domain at a time.
 */
final class DataCenterStorage {

    static final String PREPARING_FOR_MAINTENANCE = "storage.preparing-for-maintenance";
    static final String IN_MAINTENANCE = "storage.maintenance";
    static final String DETACHED = "storage.detached";
    static final String ACTIVATING = "storage.activating";
    static final String ACTIVE = "storage.active";
    private static final String TYPE = StorageOperations.TYPE;

    private final Engine engine;
    private final Estate estate;
    private final SharedStorage shared;

    DataCenterStorage(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
        this.shared = engine.sharedStorage();
        engine.onDue(PREPARING_FOR_MAINTENANCE, this::preparingForMaintenance);
        engine.onDue(IN_MAINTENANCE, this::inMaintenance);
        engine.onDue(DETACHED, this::detached);
        engine.onDue(ACTIVATING, this::activating);
        engine.onDue(ACTIVE, this::active);
    }

    /** DeactivateStorageDomainWithOvfUpdate: locked, then preparing for maintenance until no host uses it. */
    JobEntity deactivate(Call call, DataCenterEntity dc, String domainId) {
        String action = "deactivate";
        StorageDomainEntity domain = inDataCenter(dc.id, domainId, action);
        DomainStatuses.require(domain, action, TYPE, DomainStatuses.ACTIVE, DomainStatuses.INACTIVE);
        List<String> running = runningTasks(domain.id);
        if (!running.isEmpty()) {
            throw EngineFault.conflict(EngineMessages.deactivateWithRunningTasks(action, TYPE,
                    String.join(", ", running)));
        }
        JobEntity job = engine.startJob("Deactivating Storage Domain " + domain.name + " in Data Center " + dc.name,
                call.correlationId());
        domain.status = DomainStatuses.LOCKED;
        // Both steps are scheduled at once so their pace holds however late the clock is next read;
        // each applies only if the domain is still where the previous one left it.
        Duration total = engine.timing().storageDeactivation();
        Map<String, String> args = call.jobArgs(job);
        engine.schedule(total.dividedBy(5), PREPARING_FOR_MAINTENANCE, domain.id, args);
        engine.schedule(total, IN_MAINTENANCE, domain.id, args);
        return job;
    }

    private void preparingForMaintenance(PendingChange change) {
        ifStill(change, DomainStatuses.LOCKED, domain -> {
            domain.status = DomainStatuses.PREPARING_FOR_MAINTENANCE;
            DataCenterEntity dc = estate.dataCenters.get(domain.dataCenterId);
            engine.event(968, "normal", "Storage Domain " + domain.name + " (Data Center " + dc.name + ") was "
                    + "deactivated and has moved to 'Preparing for maintenance' until it will no longer be accessed "
                    + "by any Host of the Data Center.", change.args.get("correlation"), e -> references(e, domain));
            engine.endJob(change.args.get("job"), true);
        });
    }

    private void inMaintenance(PendingChange change) {
        ifStill(change, DomainStatuses.PREPARING_FOR_MAINTENANCE, domain -> {
            domain.status = DomainStatuses.MAINTENANCE;
            DataCenterEntity dc = estate.dataCenters.get(domain.dataCenterId);
            engine.event(1029, "normal", "Storage Domain " + domain.name + " (Data Center " + dc.name
                    + ") successfully moved to Maintenance as it's no longer accessed by any Host of the "
                    + "Data Center.", change.args.get("correlation"), e -> references(e, domain));
        });
    }

    /** ActivateStorageDomain as a client calls it: only from inactive, unknown, maintenance or on the way there. */
    JobEntity activate(Call call, DataCenterEntity dc, String domainId) {
        String action = "activate";
        StorageDomainEntity domain = inDataCenter(dc.id, domainId, action);
        DomainStatuses.require(domain, action, TYPE, DomainStatuses.INACTIVE, DomainStatuses.UNKNOWN,
                DomainStatuses.MAINTENANCE, DomainStatuses.PREPARING_FOR_MAINTENANCE);
        engine.cancelScheduled(IN_MAINTENANCE, domain.id);
        JobEntity job = engine.startJob("Activating Storage Domain " + domain.name + " on Data Center " + dc.name,
                call.correlationId());
        domain.status = DomainStatuses.ACTIVATING;
        engine.schedule(engine.timing().storageAttach().dividedBy(2), ACTIVE, domain.id, call.jobArgs(job));
        return job;
    }

    private void active(PendingChange change) {
        ifStill(change, DomainStatuses.ACTIVATING, domain -> {
            domain.status = DomainStatuses.ACTIVE;
            DataCenterEntity dc = estate.dataCenters.get(domain.dataCenterId);
            engine.event(966, "normal", "Storage Domain " + domain.name + " (Data Center " + dc.name
                    + ") was activated by " + change.args.get("user"), change.args.get("correlation"),
                    e -> references(e, domain));
            engine.endJob(change.args.get("job"), true);
        });
    }

    /**
     * AttachStorageDomainToPool with activation, as the REST layer asks for it: locked while VDSM
     * attaches, activating, then active. VDSM refuses a domain whose metadata names another data center.
     */
    StorageDomainEntity attach(Call call, DataCenterEntity dc, Ref ref) {
        String action = "attach";
        StorageDomainEntity domain = resolve(ref, action);
        if (!domain.isExport() && domain.dataCenterId != null) {
            throw EngineFault.conflict(EngineMessages.storageDomainInaccessible(action, TYPE));
        }
        if (domain.isExport() && estate.storageDomains.values().stream()
                .anyMatch(d -> d.isExport() && dc.id.equals(d.dataCenterId))) {
            throw EngineFault.conflict(EngineMessages.moreThanOneExportDomain());
        }
        JobEntity job = engine.startJob("Attaching Storage Domain " + domain.name + " to Data Center " + dc.name,
                call.correlationId());
        Optional<String> owner = domain.isExport() ? shared.ownerOf(domain) : Optional.empty();
        if (owner.isPresent() && !owner.get().equals(dc.id)) {
            engine.endJob(job.id, false);
            engine.event(963, "error", "Failed to attach Storage Domain " + domain.name + " to Data Center "
                    + dc.name + ". (User: " + call.userName() + ")", call.correlationId(), e -> {
                        e.storageDomainId = domain.id;
                        e.dataCenterId = dc.id;
                    });
            // The refusal comes from VDSM while the command executes. Its key (StorageDomainAlreadyAttached)
            // is no engine validation message, so the REST layer's ErrorMessageHelper finds no error type
            // for it and falls back to its default status: 400 Bad Request.
            throw EngineFault.backend(400, EngineMessages.domainAttachedElsewhere());
        }
        if (domain.isExport()) {
            shared.setOwner(domain, dc.id);
        }
        domain.dataCenterId = dc.id;
        domain.status = DomainStatuses.LOCKED;
        Map<String, String> args = call.jobArgs(job);
        engine.schedule(engine.timing().storageAttach().dividedBy(2), ACTIVATING, domain.id, args);
        engine.schedule(engine.timing().storageAttach(), ACTIVE, domain.id, args);
        return domain;
    }

    private void activating(PendingChange change) {
        ifStill(change, DomainStatuses.LOCKED, domain -> {
            domain.status = DomainStatuses.ACTIVATING;
            DataCenterEntity dc = estate.dataCenters.get(domain.dataCenterId);
            engine.event(962, "normal", "Storage Domain " + domain.name + " was attached to Data Center " + dc.name
                    + " by " + change.args.get("user"), change.args.get("correlation"), e -> references(e, domain));
        });
    }

    /** DetachStorageDomainFromPool: only from maintenance; the metadata's owner is cleared when it is done. */
    JobEntity detach(Call call, DataCenterEntity dc, StorageDomainEntity domain) {
        DomainStatuses.require(domain, "detach", TYPE, DomainStatuses.MAINTENANCE);
        JobEntity job = engine.startJob("Detaching Storage Domain " + domain.name + " from Data Center " + dc.name,
                call.correlationId());
        domain.status = DomainStatuses.DETACHING;
        engine.schedule(engine.timing().storageDetach(), DETACHED, domain.id, call.jobArgs(job));
        return job;
    }

    private void detached(PendingChange change) {
        ifStill(change, DomainStatuses.DETACHING, domain -> {
            DataCenterEntity dc = estate.dataCenters.get(domain.dataCenterId);
            domain.dataCenterId = null;
            domain.status = null;
            if (domain.isExport()) {
                shared.setOwner(domain, null);
            }
            engine.event(964, "normal", "Storage Domain " + domain.name + " was detached from Data Center "
                    + dc.name + " by " + change.args.get("user"), change.args.get("correlation"), e -> {
                        e.storageDomainId = domain.id;
                        e.dataCenterId = dc.id;
                    });
            engine.endJob(change.args.get("job"), true);
        });
    }

    /**
     * Commands that address a domain through a data center find no domain when it is not attached
     * there: the backend's lookup is per data center.
     */
    private StorageDomainEntity inDataCenter(String dataCenterId, String domainId, String action) {
        StorageDomainEntity domain = estate.storageDomains.get(domainId);
        if (domain == null || !dataCenterId.equals(domain.dataCenterId)) {
            throw EngineFault.badRequest(EngineMessages.storageDomainNotExist(action, TYPE));
        }
        return domain;
    }

    private StorageDomainEntity resolve(Ref ref, String action) {
        if (ref.id() != null) {
            StorageDomainEntity domain = estate.storageDomains.get(ref.id());
            if (domain == null) {
                throw EngineFault.badRequest(EngineMessages.storageDomainNotExist(action, TYPE));
            }
            return domain;
        }
        return estate.storageDomains.values().stream().filter(d -> d.name.equals(ref.name())).findFirst()
                .orElseThrow(() -> EngineFault.entityNotFound(ref.describe("StorageDomain")));
    }

    /** The copy commands (exports, imports) still working on a domain, by command name. */
    private List<String> runningTasks(String domainId) {
        return estate.pending.stream()
                .filter(c -> domainId.equals(c.args.get(ExportImportOperations.DOMAIN_ARG)))
                .map(c -> ExportImportOperations.commandName(c.kind))
                .filter(name -> name != null)
                .distinct().toList();
    }

    /** A scheduled step applies only while the domain is still in the status the previous step left. */
    private void ifStill(PendingChange change, String status, Consumer<StorageDomainEntity> step) {
        StorageDomainEntity domain = estate.storageDomains.get(change.entityId);
        if (domain != null && status.equals(domain.status)) {
            step.accept(domain);
        }
    }

    private static void references(EventEntity event, StorageDomainEntity domain) {
        event.storageDomainId = domain.id;
        event.dataCenterId = domain.dataCenterId;
    }
}
