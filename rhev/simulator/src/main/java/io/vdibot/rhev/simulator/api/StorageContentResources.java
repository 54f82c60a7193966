package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import java.util.List;
import org.ovirt.engine.sdk4.builders.DiskProfileBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlDiskProfileWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlDiskWriter;
import org.ovirt.engine.sdk4.types.DiskProfile;

/**
 * What a storage domain holds, as its links list it: the disks on a data domain and its default disk
 * profile; snapshots of disks and storage connections are not modelled and list empty.
 */
final class StorageContentResources {

    private final Engine engine;
    private final Estate estate;

    StorageContentResources(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
    }

    void register(Router router) {
        // the VMs of a domain are listed with export and import (ExportImportResources)
        router.get("storagedomains/{id}/disks", (r, p) -> engine.read(() -> {
            StorageDomainEntity domain = require(p.get("id"));
            List<DiskEntity> disks = estate.disks.values().stream()
                    .filter(d -> domain.id.equals(d.storageDomainId)).toList();
            return ApiResponse.ok(Xml.write(w -> XmlDiskWriter.writeMany(
                    disks.stream().map(d -> VmRepresentation.diskBuilder(d).build()).iterator(), w)));
        }));
        router.get("storagedomains/{id}/diskprofiles", (r, p) -> engine.read(() -> {
            StorageDomainEntity domain = require(p.get("id"));
            List<DiskProfile> profiles = domain.isExport() ? List.of() : List.of(diskProfile(domain));
            return ApiResponse.ok(Xml.write(w -> XmlDiskProfileWriter.writeMany(profiles.iterator(), w)));
        }));
        new EmptyCollections(engine, router).serve("storagedomains", estate.storageDomains::containsKey,
                "disksnapshots", "storageconnections");
    }

    static DiskProfile diskProfile(StorageDomainEntity domain) {
        String id = VmBaseValues.derivedId("disk-profile", domain.id);
        return new DiskProfileBuilder().id(id).href(Hrefs.of("diskprofiles", id)).name(domain.name)
                .storageDomain(new StorageDomainBuilder().id(domain.id).href(Hrefs.of("storagedomains", domain.id)))
                .build();
    }

    private StorageDomainEntity require(String id) {
        StorageDomainEntity domain = estate.storageDomains.get(id);
        if (domain == null) {
            throw EngineFault.notFound();
        }
        return domain;
    }
}
