package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.Ref;
import io.vdibot.rhev.simulator.engine.TemplateOperations;
import io.vdibot.rhev.simulator.http.ApiRequest;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ovirt.engine.sdk4.internal.xml.XmlDiskAttachmentWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlTemplateReader;
import org.ovirt.engine.sdk4.internal.xml.XmlTemplateWriter;
import org.ovirt.engine.sdk4.types.Template;

/** {@code /templates}: list, get, create from a VM (also as a new version), remove, disk attachments. */
public final class TemplateResources {

    static final Set<String> SEARCH_FIELDS = Set.of("name", "id", "status", "cluster", "datacenter",
            "version_name", "os", "description", "comment", "vm.name", "vms.name");

    private final Engine engine;
    private final Estate estate;
    private final TemplateOperations templates;
    private final TemplateRepresentation representation;

    public TemplateResources(Engine engine, TemplateOperations templates) {
        this.engine = engine;
        this.estate = engine.estate();
        this.templates = templates;
        this.representation = new TemplateRepresentation(estate);
    }

    /** The sub-collections a template links, as the engine's template resource offers them. */
    static final Map<String, List<String>> LINKS = Map.of("template", List.of("cdroms", "diskattachments",
            "graphicsconsoles", "nics", "permissions", "tags", "watchdogs"));

    public void register(Router router) {
        new TemplateDeviceResources(engine, templates).register(router);
        router.get("templates", this::list)
                .post("templates", this::add)
                .get("templates/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(write(templates.require(p.get("id")),
                        VmResources.allContent(r)))))
                .delete("templates/{id}", (r, p) -> engine.write(() -> {
                    templates.remove(r.call(), p.get("id"));
                    return ApiResponse.ok(new byte[0]);
                }))
                .get("templates/{id}/diskattachments", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                        XmlDiskAttachmentWriter.writeMany(representation.diskAttachments(
                                templates.require(p.get("id")), Follow.of(r).has("disk")).iterator(), w)))));
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        return engine.read(() -> {
            List<TemplateEntity> selected = Listing.select(request, new ArrayList<>(estate.templates.values()),
                    SEARCH_FIELDS, this::field);
            boolean allContent = VmResources.allContent(request);
            List<Template> out = new ArrayList<>(selected.size());
            selected.forEach(t -> out.add(representation.template(t, allContent)));
            return ApiResponse.ok(Xml.writeLinked(LINKS, href -> ResourceActions.TEMPLATE,
                    w -> XmlTemplateWriter.writeMany(out.iterator(), w)));
        });
    }

    /**
     * Disks are copied, so the engine answers 202 with the template still locked. Only a
     * {@code storage_domain} given by id counts: the REST layer ignores one given by name.
     */
    private ApiResponse add(ApiRequest request, Map<String, String> params) {
        Template body = Xml.read(request.body(), XmlTemplateReader::readOne);
        if (body.name() == null) {
            throw EngineFault.incomplete("Template", "name", "add");
        }
        if (body.vm() == null || (body.vm().id() == null && body.vm().name() == null)) {
            throw EngineFault.incomplete("Template", "vm.id|name", "add");
        }
        String baseTemplateId = null;
        String versionName = null;
        if (body.version() != null) {
            if (body.version().baseTemplate() == null || body.version().baseTemplate().id() == null) {
                throw EngineFault.incomplete("TemplateVersion", "baseTemplate", "add");
            }
            baseTemplateId = body.version().baseTemplate().id();
            versionName = body.version().versionName();
        }
        Ref cluster = body.cluster() == null ? Ref.none() : new Ref(body.cluster().id(), body.cluster().name());
        TemplateOperations.NewTemplate newTemplate = new TemplateOperations.NewTemplate(body.name(),
                body.description(), body.comment(), new Ref(body.vm().id(), body.vm().name()), cluster,
                body.storageDomain() == null ? null : body.storageDomain().id(), baseTemplateId, versionName,
                request.booleanParam("seal").orElse(false), request.booleanParam("clone_permissions").orElse(false));
        return engine.write(() -> {
            TemplateEntity created = templates.add(request.call(), newTemplate);
            return ApiResponse.of(202, write(created, VmResources.allContent(request)));
        });
    }

    private byte[] write(TemplateEntity template, boolean allContent) {
        Template out = representation.template(template, allContent);
        return Xml.writeLinked(LINKS, href -> href.equals(out.href()) ? ResourceActions.TEMPLATE : null,
                w -> XmlTemplateWriter.writeOne(out, w));
    }

    private Object field(TemplateEntity template, String field) {
        ClusterEntity cluster = template.clusterId == null ? null : estate.clusters.get(template.clusterId);
        return switch (field) {
            case "name" -> template.name;
            case "id" -> template.id;
            case "status" -> template.status;
            case "cluster" -> cluster == null ? null : cluster.name;
            case "datacenter" -> cluster == null ? null : estate.dataCenters.get(cluster.dataCenterId).name;
            case "version_name" -> template.versionName;
            case "os" -> template.osType;
            case "comment" -> template.comment;
            // the VMs based on the template, as the engine's Templates-to-Vms search link
            case "vm.name", "vms.name" -> estate.vms.values().stream().filter(vm -> template.id.equals(vm.templateId))
                    .map(vm -> vm.name).toList();
            default -> template.description;
        };
    }
}
