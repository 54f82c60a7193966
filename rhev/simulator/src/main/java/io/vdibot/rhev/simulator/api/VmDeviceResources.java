package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.VmOperations;
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

    VmDeviceResources(Engine engine, VmOperations vms) {
        this.engine = engine;
        this.vms = vms;
    }

    void register(Router router) {
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
