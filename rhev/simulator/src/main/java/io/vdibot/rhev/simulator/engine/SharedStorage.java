package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage that several engines can reach: an NFS server holding export domains. What lives here
 * is what a real export domain keeps in its own metadata: its identity, the data center that owns
 * it (one at a time), and the OVFs of what was exported to it. Engines never call back into each
 * other through it, so its lock nests safely inside a site's lock.
 */
public final class SharedStorage {

    /** One export domain on the NFS server, keyed by {@code address:path}. */
    public static final class ExportDomainMetadata {
        public String id;
        public String name;
        public String address;
        public String path;
        /** The data center (storage pool) id the domain metadata names as owner, or null. */
        public String ownerPoolId;
        /** What the NFS export reports as free and used space. */
        public long availableBytes;
        public long usedBytes;
        public Map<String, ExportedTemplate> templates = new LinkedHashMap<>();
        public Map<String, ExportedVm> vms = new LinkedHashMap<>();
    }

    /** A VM's OVF plus its disks as written by an export; the disks keep their ids, as the engine's do. */
    public static final class ExportedVm {
        public VmEntity vm;
        public List<DiskEntity> disks = new ArrayList<>();
        public List<String> nicProfileNames = new ArrayList<>();
        public String exportedFromSite;
    }

    public synchronized void storeVm(StorageDomainEntity domain, ExportedVm exported) {
        ExportDomainMetadata metadata = domains.get(domain.nfsLocation());
        if (metadata == null) {
            throw new IllegalStateException("no export domain at " + domain.nfsLocation());
        }
        metadata.vms.put(exported.vm.id, exported);
    }

    public synchronized List<ExportedVm> vms(StorageDomainEntity domain) {
        ExportDomainMetadata metadata = domains.get(domain.nfsLocation());
        return metadata == null ? List.of() : List.copyOf(metadata.vms.values());
    }

    /** A template's OVF plus the sizes of its disks, as written by an export. */
    public static final class ExportedTemplate {
        public TemplateEntity template;
        /** Provisioned size of each of the template's disks, in the order of {@code template.diskIds}. */
        public List<Long> diskSizes;
        /** Allocated size of each disk, same order. */
        public List<Long> diskActualSizes = new ArrayList<>();
        /** The vNIC profile name of each of the template's NICs, so an importing engine can map them. */
        public List<String> nicProfileNames = new ArrayList<>();
        public String exportedFromSite;
    }

    private final Map<String, ExportDomainMetadata> domains = new LinkedHashMap<>();

    public synchronized void register(StorageDomainEntity domain, String ownerPoolId) {
        ExportDomainMetadata metadata = domains.computeIfAbsent(domain.nfsLocation(), k -> new ExportDomainMetadata());
        metadata.id = domain.id;
        metadata.name = domain.name;
        metadata.address = domain.address;
        metadata.path = domain.path;
        metadata.ownerPoolId = ownerPoolId;
        metadata.availableBytes = domain.availableBytes;
        metadata.usedBytes = domain.usedBytes;
    }

    public synchronized Optional<ExportDomainMetadata> at(String address, String path) {
        return Optional.ofNullable(domains.get(address + ":" + path)).map(SharedStorage::copyHeader);
    }

    public synchronized Optional<String> ownerOf(StorageDomainEntity domain) {
        ExportDomainMetadata metadata = domains.get(domain.nfsLocation());
        return metadata == null ? Optional.empty() : Optional.ofNullable(metadata.ownerPoolId);
    }

    public synchronized void setOwner(StorageDomainEntity domain, String ownerPoolId) {
        ExportDomainMetadata metadata = domains.get(domain.nfsLocation());
        if (metadata != null) {
            metadata.ownerPoolId = ownerPoolId;
        }
    }

    public synchronized void storeTemplate(StorageDomainEntity domain, ExportedTemplate exported) {
        ExportDomainMetadata metadata = domains.get(domain.nfsLocation());
        if (metadata == null) {
            throw new IllegalStateException("no export domain at " + domain.nfsLocation());
        }
        metadata.templates.put(exported.template.id, exported);
    }

    public synchronized Optional<ExportedTemplate> template(StorageDomainEntity domain, String templateId) {
        ExportDomainMetadata metadata = domains.get(domain.nfsLocation());
        return metadata == null ? Optional.empty() : Optional.ofNullable(metadata.templates.get(templateId));
    }

    /** What a remove with {@code format=true} does: the domain's metadata and content are gone. */
    public synchronized void erase(StorageDomainEntity domain) {
        domains.remove(domain.nfsLocation());
    }

    public synchronized boolean holdsTemplate(StorageDomainEntity domain, String templateId) {
        ExportDomainMetadata metadata = domains.get(domain.nfsLocation());
        return metadata != null && metadata.templates.containsKey(templateId);
    }

    public synchronized List<ExportedTemplate> templates(StorageDomainEntity domain) {
        ExportDomainMetadata metadata = domains.get(domain.nfsLocation());
        return metadata == null ? List.of() : List.copyOf(metadata.templates.values());
    }

    /** Everything, for the state directory. */
    public synchronized Map<String, ExportDomainMetadata> snapshot() {
        return new LinkedHashMap<>(domains);
    }

    public synchronized void restore(Map<String, ExportDomainMetadata> saved) {
        domains.clear();
        domains.putAll(saved);
    }

    private static ExportDomainMetadata copyHeader(ExportDomainMetadata source) {
        ExportDomainMetadata copy = new ExportDomainMetadata();
        copy.id = source.id;
        copy.name = source.name;
        copy.address = source.address;
        copy.path = source.path;
        copy.ownerPoolId = source.ownerPoolId;
        copy.availableBytes = source.availableBytes;
        copy.usedBytes = source.usedBytes;
        return copy;
    }
}
