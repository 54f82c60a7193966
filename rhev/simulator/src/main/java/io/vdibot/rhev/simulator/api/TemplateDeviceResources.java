package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.TemplateOperations;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.NicEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import java.util.ArrayList;
import java.util.List;
import org.ovirt.engine.sdk4.builders.CdromBuilder;
import org.ovirt.engine.sdk4.builders.NicBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VnicProfileBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlCdromWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlNicWriter;
import org.ovirt.engine.sdk4.types.Cdrom;
import org.ovirt.engine.sdk4.types.Nic;
import org.ovirt.engine.sdk4.types.NicInterface;

/** A template's NICs and CD-ROM (what VMs made from it copy), and its empty device lists. */
final class TemplateDeviceResources {

    private final Engine engine;
    private final TemplateOperations templates;

    TemplateDeviceResources(Engine engine, TemplateOperations templates) {
        this.engine = engine;
        this.templates = templates;
    }

    void register(Router router) {
        router.get("templates/{id}/nics", (r, p) -> engine.read(() -> {
            List<Nic> nics = nics(templates.require(p.get("id")));
            return ApiResponse.ok(Xml.write(w -> XmlNicWriter.writeMany(nics.iterator(), w)));
        }));
        router.get("templates/{id}/cdroms", (r, p) -> engine.read(() -> {
            TemplateEntity template = templates.require(p.get("id"));
            Cdrom cdrom = new CdromBuilder().id(VmDeviceResources.CDROM_ID)
                    .href(Hrefs.of("templates", template.id, "cdroms", VmDeviceResources.CDROM_ID))
                    .template(new TemplateBuilder().id(template.id).href(Hrefs.of("templates", template.id))).build();
            return ApiResponse.ok(Xml.write(w -> XmlCdromWriter.writeMany(List.of(cdrom).iterator(), w)));
        }));
        new EmptyCollections(engine, router).serve("templates", id -> templates.template(id).isPresent(),
                "graphicsconsoles", "tags", "watchdogs");
    }

    private static List<Nic> nics(TemplateEntity template) {
        List<Nic> out = new ArrayList<>();
        for (NicEntity nic : template.nics) {
            NicBuilder b = new NicBuilder().id(nic.id).href(Hrefs.of("templates", template.id, "nics", nic.id))
                    .name(nic.name).interface_(NicInterface.fromValue(nic.interfaceType)).linked(true).plugged(true)
                    .template(new TemplateBuilder().id(template.id).href(Hrefs.of("templates", template.id)));
            if (nic.vnicProfileId != null) {
                b.vnicProfile(new VnicProfileBuilder().id(nic.vnicProfileId)
                        .href(Hrefs.of("vnicprofiles", nic.vnicProfileId)));
            }
            out.add(b.build());
        }
        return out;
    }
}
