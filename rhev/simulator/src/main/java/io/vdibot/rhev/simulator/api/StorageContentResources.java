package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.List;
import org.ovirt.engine.sdk4.builders.DiskProfileBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlDiskProfileWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlDiskWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlVmWriter;
import org.ovirt.engine.sdk4.types.DiskProfile;
import org.ovirt.engine.sdk4.types.Vm;

/**
 * What a storage domain holds, as its links list it: the disks on a data domain, the VMs whose disks
 * live there (for an export domain, the VMs exported to it), its default disk profile; snapshots of
 * disks and storage connections are not modelled and list empty.
 */
final class StorageContentResources {

    private final Engine engine;
    private final Estate estate;

    StorageContentResources(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
    }

    void register(Router router) {
        router.get("storagedomains/{id}/disks", (r, p) -> engine.read(() -> {
            StorageDomainEntity domain = require(p.get("id"));
            List<DiskEntity> disks = estate.disks.values().stream()
                    .filter(d -> domain.id.equals(d.storageDomainId)).toList();
            return ApiResponse.ok(Xml.write(w -> XmlDiskWriter.writeMany(
                    disks.stream().map(d -> VmRepresentation.diskBuilder(d).build()).iterator(), w)));
        }));
        router.get("storagedomains/{id}/vms", (r, p) -> engine.read(() -> {
            StorageDomainEntity domain = require(p.get("id"));
            VmRepresentation vms = new VmRepresentation(estate);
            List<Vm> out = domain.isExport() ? List.of() : estate.vms.values().stream()
                    .filter(vm -> onDomain(vm, domain)).map(vm -> vms.vm(vm, Follow.of(r))).toList();
            return ApiResponse.ok(Xml.write(w -> XmlVmWriter.writeMany(out.iterator(), w)));
        }));
        router.get("storagedomains/{id}/diskprofiles", (r, p) -> engine.read(() -> {
            StorageDomainEntity domain = require(p.get("id"));
            List<DiskProfile> profiles = domain.isExport() ? List.of() : List.of(diskProfile(domain));
            return ApiResponse.ok(Xml.write(w -> XmlDiskProfileWriter.writeMany(profiles.iterator(), w)));
        }));
        new EmptyCollections(engine, router).serve("storagedomains", estate.storageDomains::containsKey,
                "disksnapshots", "storageconnections");
    }

    private boolean onDomain(VmEntity vm, StorageDomainEntity domain) {
        return vm.diskIds.stream().map(estate.disks::get)
                .anyMatch(d -> d != null && domain.id.equals(d.storageDomainId));
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
