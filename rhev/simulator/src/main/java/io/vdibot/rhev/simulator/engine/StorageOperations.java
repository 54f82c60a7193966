package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Storage domains as the engine's storage commands see them: importing an existing NFS domain, removing
 * a domain, and (through {@link DataCenterStorage}, which keeps the status machine) attaching, activating,
 * deactivating and detaching it in a data center.
 */
public final class StorageOperations {

    /** What a client asked for in {@code POST /storagedomains}. */
    public record NewDomain(String name, String type, String storageType, String address, String path, Ref host) {
    }

    static final String TYPE = "Storage";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    private final Engine engine;
    private final Estate estate;
    private final SharedStorage shared;
    private final DataCenterStorage dataCenters;

    public StorageOperations(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
        this.shared = engine.sharedStorage();
        this.dataCenters = new DataCenterStorage(engine);
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

    // The status machine behind these four lives in DataCenterStorage.

    public JobEntity deactivate(Call call, String dataCenterId, String domainId) {
        return dataCenters.deactivate(call, requireDataCenter(dataCenterId), domainId);
    }

    public JobEntity activate(Call call, String dataCenterId, String domainId) {
        return dataCenters.activate(call, requireDataCenter(dataCenterId), domainId);
    }

    public StorageDomainEntity attach(Call call, String dataCenterId, Ref ref) {
        return dataCenters.attach(call, requireDataCenter(dataCenterId), ref);
    }

    public JobEntity detach(Call call, String dataCenterId, String domainId) {
        DataCenterEntity dc = requireDataCenter(dataCenterId);
        // The REST layer reads the attached domain before detaching it, so a domain that is not (or no
        // longer) in this data center is a 404 there, before any backend validation.
        return dataCenters.detach(call, dc, requireAttached(dataCenterId, domainId));
    }

    /**
     * {@code POST /storagedomains} for an NFS path: the host connects to the export, and when it finds an
     * export domain there, AddExistingFileStorageDomain registers it with the id and name its metadata holds.
     * Creating a new domain is outside what this simulator offers; a path without a domain fails to mount.
     */
    public StorageDomainEntity importExisting(Call call, NewDomain request) {
        checkConnection(request);
        SharedStorage.ExportDomainMetadata metadata = exportDomainAt(request);
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

    /** The REST layer's completeness checks and the storage connection's host checks, in the engine's order. */
    private void checkConnection(NewDomain request) {
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
    }

    /** What the export path holds: an export domain this engine does not know yet, or a refusal. */
    private SharedStorage.ExportDomainMetadata exportDomainAt(NewDomain request) {
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
        return metadata;
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
}
