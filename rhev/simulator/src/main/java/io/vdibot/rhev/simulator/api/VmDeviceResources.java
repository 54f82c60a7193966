package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.Ref;
import io.vdibot.rhev.simulator.engine.VmDevices;
import io.vdibot.rhev.simulator.engine.VmOperations;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.NicEntity;
import org.ovirt.engine.sdk4.internal.xml.XmlDiskAttachmentReader;
import org.ovirt.engine.sdk4.internal.xml.XmlDiskAttachmentWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlNicReader;
import org.ovirt.engine.sdk4.internal.xml.XmlNicWriter;
import org.ovirt.engine.sdk4.types.Disk;
import org.ovirt.engine.sdk4.types.DiskAttachment;
import org.ovirt.engine.sdk4.types.Nic;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.List;
import org.ovirt.engine.sdk4.builders.CdromBuilder;
import org.ovirt.engine.sdk4.builders.FileBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlCdromReader;
import org.ovirt.engine.sdk4.internal.xml.XmlCdromWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlVirtualNumaNodeWriter;
import org.ovirt.engine.sdk4.types.Cdrom;
import org.ovirt.engine.sdk4.types.VirtualNumaNode;

/**
 * Devices below a VM that provisioning tools read before they change anything: the vNUMA nodes
 * (none: the engine answers an empty list for a VM without NUMA pinning) and the one CD-ROM every
 * VM has, whose id is the engine's fixed all-zero id.
 */
final class VmDeviceResources {

    static final String CDROM_ID = "00000000-0000-0000-0000-000000000000";

    private final Engine engine;
    private final VmOperations vms;
    private final VmDevices devices;
    private final VmRepresentation representation;

    VmDeviceResources(Engine engine, VmOperations vms) {
        this.engine = engine;
        this.vms = vms;
        this.devices = new VmDevices(engine, vms);
        this.representation = new VmRepresentation(engine.estate());
    }

    void register(Router router) {
        registerWrites(router);
        router.get("vms/{id}/numanodes", (r, p) -> engine.read(() -> {
            vms.require(p.get("id"));
            List<VirtualNumaNode> none = List.of();
            return ApiResponse.ok(Xml.write(w -> XmlVirtualNumaNodeWriter.writeMany(none.iterator(), w)));
        }))
                .get("vms/{id}/cdroms", (r, p) -> engine.read(() -> {
                    Cdrom cdrom = cdrom(vms.require(p.get("id")));
                    return ApiResponse.ok(Xml.write(w -> XmlCdromWriter.writeMany(List.of(cdrom).iterator(), w)));
                }))
                .get("vms/{id}/cdroms/{cdrom}", (r, p) -> engine.read(() -> {
                    Cdrom cdrom = cdrom(requireCdrom(p.get("id"), p.get("cdrom")));
                    return ApiResponse.ok(Xml.write(w -> XmlCdromWriter.writeOne(cdrom, w)));
                }))
                .put("vms/{id}/cdroms/{cdrom}", (r, p) -> {
                    Cdrom body = Xml.read(r.body(), XmlCdromReader::readOne);
                    return engine.write(() -> {
                        VmEntity vm = requireCdrom(p.get("id"), p.get("cdrom"));
                        String file = body.file() == null ? null : body.file().id();
                        vm.cdromFileId = file == null || file.isEmpty() ? null : file;
                        return ApiResponse.ok(Xml.write(w -> XmlCdromWriter.writeOne(cdrom(vm), w)));
                    });
                });
    }

    private void registerWrites(Router router) {
        router.post("vms/{id}/nics", (r, p) -> {
            Nic body = Xml.read(r.body(), XmlNicReader::readOne);
            return engine.write(() -> {
                NicEntity nic = devices.addNic(r.call(), p.get("id"), nicRequest(body));
                return ApiResponse.of(201, nicXml(p.get("id"), nic.id))
                        .withHeader("Location", Hrefs.of("vms", p.get("id"), "nics", nic.id));
            });
        }).put("vms/{id}/nics/{nic}", (r, p) -> {
            Nic body = Xml.read(r.body(), XmlNicReader::readOne);
            return engine.write(() -> {
                devices.updateNic(r.call(), p.get("id"), p.get("nic"), nicRequest(body));
                return ApiResponse.ok(nicXml(p.get("id"), p.get("nic")));
            });
        }).delete("vms/{id}/nics/{nic}", (r, p) -> engine.write(() -> {
            devices.removeNic(r.call(), p.get("id"), p.get("nic"));
            return ApiResponse.ok(new byte[0]);
        })).post("vms/{id}/diskattachments", (r, p) -> {
            DiskAttachment body = Xml.read(r.body(), XmlDiskAttachmentReader::readOne);
            VmDevices.DiskRequest request = diskRequest(body);
            return engine.write(() -> {
                DiskEntity disk = devices.attachDisk(r.call(), p.get("id"), request);
                DiskAttachment out = representation.diskAttachments(vms.require(p.get("id")), true).stream()
                        .filter(a -> a.id().equals(disk.id)).findFirst().orElseThrow();
                return ApiResponse.of(201, Xml.write(w -> XmlDiskAttachmentWriter.writeOne(out, w)))
                        .withHeader("Location", Hrefs.of("vms", p.get("id"), "diskattachments", disk.id));
            });
        }).delete("vms/{id}/diskattachments/{attachment}", (r, p) -> {
            boolean detachOnly = r.booleanParam("detach_only").orElse(false);
            return engine.write(() -> {
                devices.detachDisk(r.call(), p.get("id"), p.get("attachment"), detachOnly);
                return ApiResponse.ok(new byte[0]);
            });
        });
    }

    private byte[] nicXml(String vmId, String nicId) {
        Nic nic = representation.nics(vms.require(vmId)).stream().filter(n -> n.id().equals(nicId)).findFirst()
                .orElseThrow();
        return Xml.writeLinked(VmResources.LINKS, w -> XmlNicWriter.writeOne(nic, w));
    }

    private static VmDevices.NicRequest nicRequest(Nic body) {
        String profile = body.vnicProfile() == null ? null : body.vnicProfile().id() == null ? "" : body.vnicProfile().id();
        return new VmDevices.NicRequest(body.name(), body.interface_() == null ? null : body.interface_().value(),
                profile, body.mac() == null ? null : body.mac().address(),
                body.linkedPresent() ? body.linked() : null, body.pluggedPresent() ? body.plugged() : null);
    }

    private static VmDevices.DiskRequest diskRequest(DiskAttachment body) {
        Disk disk = body.disk();
        if (disk == null) {
            throw EngineFault.incomplete("DiskAttachment", "disk", "add");
        }
        String iface = body.interface_() == null ? null : body.interface_().value();
        Boolean bootable = body.bootablePresent() ? body.bootable() : null;
        if (disk.id() != null) {
            return new VmDevices.DiskRequest(disk.id(), null, null, null, null, null, bootable, iface);
        }
        Ref domain = disk.storageDomainsPresent() && !disk.storageDomains().isEmpty()
                ? new Ref(disk.storageDomains().get(0).id(), disk.storageDomains().get(0).name()) : null;
        Long size = disk.provisionedSizePresent() ? disk.provisionedSizeAsLong() : null;
        return new VmDevices.DiskRequest(null, disk.alias() != null ? disk.alias() : disk.name(), size,
                disk.format() == null ? null : disk.format().value(), disk.sparsePresent() ? disk.sparse() : null,
                domain, bootable, iface);
    }

    private VmEntity requireCdrom(String vmId, String cdromId) {
        VmEntity vm = vms.require(vmId);
        if (!CDROM_ID.equals(cdromId)) {
            throw EngineFault.notFound();
        }
        return vm;
    }

    static Cdrom cdrom(VmEntity vm) {
        CdromBuilder b = new CdromBuilder().id(CDROM_ID).href(Hrefs.of("vms", vm.id, "cdroms", CDROM_ID))
                .vm(new VmBuilder().id(vm.id).href(Hrefs.of("vms", vm.id)));
        if (vm.cdromFileId != null) {
            b.file(new FileBuilder().id(vm.cdromFileId));
        }
        return b.build();
    }
}
