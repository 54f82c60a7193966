package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.EventEntity;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Storage domains in and out of data centers, as the engine's storage commands run them:
 * deactivate (locked, preparing for maintenance, maintenance), activate, detach (detaching, then
 * gone from the data center), attach (which activates too), importing an existing NFS domain and
 * removing a domain without formatting it. The owner recorded in the shared NFS metadata is what
 * lets only one data center use an export domain at a time.
 */
public final class StorageOperations {

    /** What a client asked for in {@code POST /storagedomains}. */
    public record NewDomain(String name, String type, String storageType, String address, String path, Ref host) {
    }

    static final String PREPARING_FOR_MAINTENANCE = "storage.preparing-for-maintenance";
    static final String IN_MAINTENANCE = "storage.maintenance";
    static final String DETACHED = "storage.detached";
    static final String ACTIVATING = "storage.activating";
    static final String ACTIVE = "storage.active";
    private static final String TYPE = "Storage";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    private final Engine engine;
    private final Estate estate;
    private final SharedStorage shared;

    public StorageOperations(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
        this.shared = engine.sharedStorage();
        engine.onDue(PREPARING_FOR_MAINTENANCE, this::preparingForMaintenance);
        engine.onDue(IN_MAINTENANCE, this::inMaintenance);
        engine.onDue(DETACHED, this::detached);
        engine.onDue(ACTIVATING, this::activating);
        engine.onDue(ACTIVE, this::active);
    }

    public Optional<StorageDomainEntity> domain(String id) {
        return Optional.ofNullable(estate.storageDomains.get(id));
    }

    public StorageDomainEntity require(String id) {
        return domain(id).orElseThrow(EngineFault::notFound);
    }

    public DataCenterEntity requireDataCenter(String id) {
        DataCenterEntity dc = estate.dataCenters.get(id);
        if (dc == null) {
            throw EngineFault.notFound();
        }
        return dc;
    }

    public List<StorageDomainEntity> attachedTo(String dataCenterId) {
        requireDataCenter(dataCenterId);
        return estate.storageDomains.values().stream().filter(d -> dataCenterId.equals(d.dataCenterId)).toList();
    }

    /** The domain as {@code /datacenters/{dc}/storagedomains/{sd}} sees it: unknown there unless attached. */
    public StorageDomainEntity requireAttached(String dataCenterId, String domainId) {
        requireDataCenter(dataCenterId);
        StorageDomainEntity domain = estate.storageDomains.get(domainId);
        if (domain == null || !dataCenterId.equals(domain.dataCenterId)) {
            throw EngineFault.notFound();
        }
        return domain;
    }

    /** The id of the storage server connection the engine keeps for a file domain's export path. */
    public static String connectionId(StorageDomainEntity domain) {
        return UUID.nameUUIDFromBytes(("connection/" + domain.nfsLocation()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** DeactivateStorageDomainWithOvfUpdate: locked, then preparing for maintenance until no host uses it. */
    public JobEntity deactivate(Call call, String dataCenterId, String domainId) {
        String action = "deactivate";
        DataCenterEntity dc = requireDataCenter(dataCenterId);
        StorageDomainEntity domain = inDataCenter(dataCenterId, domainId, action);
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
        domain(change.entityId).filter(d -> DomainStatuses.LOCKED.equals(d.status)).ifPresent(domain -> {
            domain.status = DomainStatuses.PREPARING_FOR_MAINTENANCE;
            DataCenterEntity dc = estate.dataCenters.get(domain.dataCenterId);
            engine.event(968, "normal", "Storage Domain " + domain.name + " (Data Center " + dc.name + ") was "
                    + "deactivated and has moved to 'Preparing for maintenance' until it will no longer be accessed "
                    + "by any Host of the Data Center.", change.args.get("correlation"), e -> references(e, domain));
            engine.endJob(change.args.get("job"), true);
        });
    }

    private void inMaintenance(PendingChange change) {
        domain(change.entityId).filter(d -> DomainStatuses.PREPARING_FOR_MAINTENANCE.equals(d.status))
                .ifPresent(domain -> {
                    domain.status = DomainStatuses.MAINTENANCE;
                    DataCenterEntity dc = estate.dataCenters.get(domain.dataCenterId);
                    engine.event(1029, "normal", "Storage Domain " + domain.name + " (Data Center " + dc.name
                            + ") successfully moved to Maintenance as it's no longer accessed by any Host of the "
                            + "Data Center.", change.args.get("correlation"), e -> references(e, domain));
                });
    }

    /** ActivateStorageDomain as a client calls it: only from inactive, unknown, maintenance or on the way there. */
    public JobEntity activate(Call call, String dataCenterId, String domainId) {
        String action = "activate";
        DataCenterEntity dc = requireDataCenter(dataCenterId);
        StorageDomainEntity domain = inDataCenter(dataCenterId, domainId, action);
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
        domain(change.entityId).filter(d -> DomainStatuses.ACTIVATING.equals(d.status)).ifPresent(domain -> {
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
    public StorageDomainEntity attach(Call call, String dataCenterId, Ref ref) {
        String action = "attach";
        DataCenterEntity dc = requireDataCenter(dataCenterId);
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
        domain(change.entityId).filter(d -> DomainStatuses.LOCKED.equals(d.status)).ifPresent(domain -> {
            domain.status = DomainStatuses.ACTIVATING;
            DataCenterEntity dc = estate.dataCenters.get(domain.dataCenterId);
            engine.event(962, "normal", "Storage Domain " + domain.name + " was attached to Data Center " + dc.name
                    + " by " + change.args.get("user"), change.args.get("correlation"), e -> references(e, domain));
        });
    }

    /** DetachStorageDomainFromPool: only from maintenance; the metadata's owner is cleared when it is done. */
    public JobEntity detach(Call call, String dataCenterId, String domainId) {
        DataCenterEntity dc = requireDataCenter(dataCenterId);
        // The REST layer reads the attached domain before detaching it, so a domain that is not (or no
        // longer) in this data center is a 404 there, before any backend validation.
        StorageDomainEntity domain = requireAttached(dataCenterId, domainId);
        DomainStatuses.require(domain, "detach", TYPE, DomainStatuses.MAINTENANCE);
        JobEntity job = engine.startJob("Detaching Storage Domain " + domain.name + " from Data Center " + dc.name,
                call.correlationId());
        domain.status = DomainStatuses.DETACHING;
        engine.schedule(engine.timing().storageDetach(), DETACHED, domain.id, call.jobArgs(job));
        return job;
    }

    private void detached(PendingChange change) {
        domain(change.entityId).filter(d -> DomainStatuses.DETACHING.equals(d.status)).ifPresent(domain -> {
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
     * {@code POST /storagedomains} for an NFS path: the host connects to the export, and when it finds an
     * export domain there, AddExistingFileStorageDomain registers it with the id and name its metadata holds.
     * Creating a new domain is outside what this simulator offers; a path without a domain fails to mount.
     */
    public StorageDomainEntity importExisting(Call call, NewDomain request) {
        List<String> missing = new ArrayList<>();
        if (request.host() == null || !request.host().isPresent()) {
            missing.add("host.id|name");
        }
        if (request.type() == null) {
            missing.add("type");
        }
        if (request.storageType() == null && request.address() == null && request.path() == null) {
            missing.add("storage");
        }
        if (!missing.isEmpty()) {
            throw EngineFault.incomplete("StorageDomain", String.join(", ", missing), "add");
        }
        HostEntity host = request.host().id() != null ? estate.hosts.get(request.host().id())
                : estate.hosts.values().stream().filter(h -> h.name.equals(request.host().name())).findFirst()
                        .orElseThrow(() -> EngineFault.entityNotFound("Hosts: name=" + request.host().name()));
        if (request.storageType() == null) {
            throw EngineFault.incomplete("StorageDomain", "storage.type", "add");
        }
        if (request.path() == null) {
            throw EngineFault.incomplete("HostStorage", "path", "add");
        }
        if ("nfs".equals(request.storageType()) && request.address() == null) {
            throw EngineFault.incomplete("HostStorage", "address", "add");
        }
        if (host == null) {
            throw EngineFault.badRequest(EngineMessages.storageConnectionInvalidHost());
        }
        if (!"up".equals(host.status)) {
            throw EngineFault.conflict(EngineMessages.storageConnectionHostNotUp());
        }
        // The REST layer first registers the export path as a storage connection, so an engine that already
        // has a domain there refuses the connection before AddExistingFileStorageDomain could say the domain
        // exists.
        String location = request.address() + ":" + request.path();
        Optional<StorageDomainEntity> known = estate.storageDomains.values().stream()
                .filter(d -> location.equals(d.nfsLocation())).findFirst();
        if (known.isPresent()) {
            throw EngineFault.conflict(EngineMessages.storageConnectionExists(connectionId(known.get()),
                    known.get().name));
        }
        SharedStorage.ExportDomainMetadata metadata = "nfs".equals(request.storageType())
                ? shared.at(request.address(), request.path()).orElse(null) : null;
        if (metadata == null) {
            // Connecting the host to a path without a domain fails in VDSM; a VDSM error carries no engine
            // error type, so the REST layer answers with its default, 400.
            throw EngineFault.badRequest(EngineMessages.mountFailed());
        }
        if (!"export".equals(request.type())) {
            if (request.name() == null) {
                throw EngineFault.incomplete("StorageDomain", "name", "add");
            }
            throw EngineFault.badRequest(EngineMessages.storagePathNotEmpty());
        }
        if (estate.storageDomains.containsKey(metadata.id)) {
            throw EngineFault.conflict(EngineMessages.storageDomainAlreadyExists("add", TYPE));
        }
        StorageDomainEntity domain = new StorageDomainEntity();
        domain.id = metadata.id;
        domain.name = request.name() != null ? request.name() : metadata.name;
        domain.type = "export";
        domain.storageType = "nfs";
        domain.address = metadata.address;
        domain.path = metadata.path;
        domain.availableBytes = metadata.availableBytes;
        domain.usedBytes = metadata.usedBytes;
        estate.storageDomains.put(domain.id, domain);
        JobEntity job = engine.startJob("Adding File Storage Domain " + domain.name, call.correlationId());
        engine.event(956, "normal", "Storage Domain " + domain.name + " was added by " + call.userName(),
                call.correlationId(), e -> e.storageDomainId = domain.id);
        engine.endJob(job.id, true);
        return domain;
    }

    /** RemoveStorageDomain: through an up host, only when in no data center; formatting wipes the metadata. */
    public JobEntity remove(Call call, String domainId, String hostRef, boolean format) {
        StorageDomainEntity domain = require(domainId);
        String action = "remove";
        if (hostRef == null) {
            throw new EngineFault(400, "host parameter is missing", null);
        }
        HostEntity host;
        if (GUID.matcher(hostRef).matches()) {
            host = estate.hosts.get(hostRef);
            if (host == null) {
                throw EngineFault.badRequest(EngineMessages.removeStorageInvalidHostId());
            }
        } else {
            host = estate.hosts.values().stream().filter(h -> h.name.equals(hostRef)).findFirst()
                    .orElseThrow(() -> EngineFault.entityNotFound(hostRef));
        }
        if (!"up".equals(host.status)) {
            throw EngineFault.conflict(EngineMessages.removeStorageHostNotUp(action, TYPE, host.name));
        }
        if (domain.dataCenterId != null) {
            throw EngineFault.conflict(EngineMessages.storageDomainInaccessible(action, TYPE));
        }
        JobEntity job = engine.startJob("Removing Storage Domain " + domain.name, call.correlationId());
        estate.storageDomains.remove(domain.id);
        estate.permissions.values().removeIf(p -> domain.id.equals(p.objectId));
        if (format && domain.isExport()) {
            shared.erase(domain);
        }
        engine.event(960, "normal", "Storage Domain " + domain.name + " was removed by " + call.userName(),
                call.correlationId(), e -> e.storageDomainId = domain.id);
        engine.endJob(job.id, true);
        return job;
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

    private static void references(EventEntity event, StorageDomainEntity domain) {
        event.storageDomainId = domain.id;
        event.dataCenterId = domain.dataCenterId;
    }
}
