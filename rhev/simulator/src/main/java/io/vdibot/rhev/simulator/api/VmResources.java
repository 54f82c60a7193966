package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.Ref;
import io.vdibot.rhev.simulator.engine.VmOperations;
import io.vdibot.rhev.simulator.engine.VmUpdate;
import io.vdibot.rhev.simulator.http.ApiRequest;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ovirt.engine.sdk4.internal.xml.XmlActionReader;
import org.ovirt.engine.sdk4.internal.xml.XmlDiskAttachmentWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlNicWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlReportedDeviceWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlVmReader;
import org.ovirt.engine.sdk4.internal.xml.XmlVmWriter;
import org.ovirt.engine.sdk4.types.Action;
import org.ovirt.engine.sdk4.types.DiskAttachment;
import org.ovirt.engine.sdk4.types.Nic;
import org.ovirt.engine.sdk4.types.ReportedDevice;
import org.ovirt.engine.sdk4.types.Vm;

/** {@code /vms} and what hangs below it. */
public final class VmResources {

    static final Set<String> SEARCH_FIELDS = Set.of("name", "status", "cluster", "pool", "id", "description",
            "ip", "on_host", "fqdn", "os", "type", "datacenter", "memory", "vcpus", "creationdate", "template");
    /** How long {@code Expect: 201-created} waits for disk creation before answering 202 anyway. */
    private static final Duration BLOCKING_WAIT_LIMIT = Duration.ofSeconds(60);

    /** The sub-collections a VM in a collection listing links (the compact form keeps the original few). */
    static final Map<String, List<String>> LIST_LINKS = Map.of(
            "vm", List.of("diskattachments", "nics", "permissions", "reporteddevices", "snapshots"),
            "nic", List.of("reporteddevices"));

    /** The sub-collections served below a VM and a VM NIC, linked from their representations. */
    static final Map<String, List<String>> LINKS = Map.of(
            "vm", List.of("affinitylabels", "applications", "cdroms", "diskattachments", "floppies",
                    "graphicsconsoles", "hostdevices", "katelloerrata", "nics", "numanodes", "permissions",
                    "reporteddevices", "sessions", "snapshots", "statistics", "tags", "watchdogs"),
            "nic", List.of("reporteddevices"));

    private final Engine engine;
    private final Estate estate;
    private final VmOperations vms;
    private final VmRepresentation representation;

    public VmResources(Engine engine, VmOperations vms) {
        this.engine = engine;
        this.estate = engine.estate();
        this.vms = vms;
        this.representation = new VmRepresentation(estate);
    }

    public void register(Router router) {
        new VmDeviceResources(engine, vms).register(router);
        new EmptyCollections(engine, router).serve("vms", estate.vms::containsKey, "affinitylabels", "applications",
                "floppies", "graphicsconsoles", "hostdevices", "katelloerrata", "sessions", "statistics", "tags",
                "watchdogs");
        router.get("vms", this::list)
                .post("vms", this::add)
                .get("vms/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(write(vms.require(p.get("id")), r))))
                .put("vms/{id}", this::update)
                .delete("vms/{id}", (r, p) -> engine.write(() -> {
                    vms.remove(r.call(), p.get("id"));
                    return ApiResponse.ok(new byte[0]);
                }))
                .post("vms/{id}/start", this::start)
                .post("vms/{id}/stop", (r, p) -> stop(r, p, false))
                .post("vms/{id}/shutdown", (r, p) -> stop(r, p, true))
                .post("vms/{id}/suspend", (r, p) -> engine.write(() -> Actions.run(() -> Actions.Outcome.done(
                        vms.suspend(r.call(), p.get("id")).id))))
                .post("vms/{id}/reboot", (r, p) -> engine.write(() -> Actions.run(() -> Actions.Outcome.done(
                        vms.reboot(r.call(), p.get("id")).id))))
                .post("vms/{id}/detach", (r, p) -> engine.write(() -> Actions.run(() -> {
                    vms.detachFromPool(r.call(), p.get("id"));
                    return Actions.Outcome.done(null);
                })))
                .get("vms/{id}/nics", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.writeLinked(LINKS, w ->
                        XmlNicWriter.writeMany(representation.nics(vms.require(p.get("id"))).iterator(), w)))))
                .get("vms/{id}/nics/{nic}", (r, p) -> engine.read(() -> {
                    Nic nic = one(representation.nics(vms.require(p.get("id"))), Nic::id, p.get("nic"));
                    return ApiResponse.ok(Xml.writeLinked(LINKS, w -> XmlNicWriter.writeOne(nic, w)));
                }))
                .get("vms/{id}/nics/{nic}/reporteddevices", (r, p) -> engine.read(() -> {
                    VmEntity vm = vms.require(p.get("id"));
                    Nic nic = one(representation.nics(vm), Nic::id, p.get("nic"));
                    List<ReportedDevice> devices = representation.reportedDevices(vm).stream()
                            .filter(d -> d.mac().address().equals(nic.mac().address())).toList();
                    return ApiResponse.ok(Xml.write(w -> XmlReportedDeviceWriter.writeMany(devices.iterator(), w)));
                }))
                .get("vms/{id}/reporteddevices", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                        XmlReportedDeviceWriter.writeMany(
                                representation.reportedDevices(vms.require(p.get("id"))).iterator(), w)))))
                .get("vms/{id}/reporteddevices/{device}", (r, p) -> engine.read(() -> {
                    ReportedDevice device = one(representation.reportedDevices(vms.require(p.get("id"))),
                            ReportedDevice::id, p.get("device"));
                    return ApiResponse.ok(Xml.write(w -> XmlReportedDeviceWriter.writeOne(device, w)));
                }))
                .get("vms/{id}/diskattachments", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                        XmlDiskAttachmentWriter.writeMany(representation.diskAttachments(
                                vms.require(p.get("id")), Follow.of(r).has("disk")).iterator(), w)))))
                .get("vms/{id}/diskattachments/{attachment}", (r, p) -> engine.read(() -> {
                    DiskAttachment attachment = one(representation.diskAttachments(vms.require(p.get("id")),
                            Follow.of(r).has("disk")), DiskAttachment::id, p.get("attachment"));
                    return ApiResponse.ok(Xml.write(w -> XmlDiskAttachmentWriter.writeOne(attachment, w)));
                }));
    }

    /** The item of a VM's sub-collection with that id, or the engine's 404. */
    private static <T> T one(List<T> items, Function<T, String> id, String wanted) {
        return items.stream().filter(item -> wanted.equals(id.apply(item))).findFirst()
                .orElseThrow(EngineFault::notFound);
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        Follow follow = Follow.of(request);
        boolean allContent = allContent(request);
        Map<String, List<String>> actions = new HashMap<>();
        // The SDK objects are a snapshot, so the large XML document is written outside the engine lock.
        List<Vm> out = engine.read(() -> {
            List<VmEntity> selected = Listing.select(request, new ArrayList<>(estate.vms.values()), SEARCH_FIELDS,
                    this::field);
            List<Vm> representations = new ArrayList<>(selected.size());
            selected.forEach(vm -> {
                Vm one = representation.vm(vm, follow, allContent, allContent, false);
                representations.add(one);
                if (allContent) {
                    actions.put(one.href(), ResourceActions.of(vm));
                }
            });
            return representations;
        });
        return ApiResponse.ok(Xml.writeLinked(allContent ? LINKS : LIST_LINKS, actions::get,
                w -> XmlVmWriter.writeMany(out.iterator(), w)));
    }

    private ApiResponse add(ApiRequest request, Map<String, String> params) {
        Vm body = Xml.read(request.body(), XmlVmReader::readOne);
        if (body.cluster() == null || !hasRef(body.cluster().id(), body.cluster().name())) {
            throw EngineFault.incomplete("Vm", "cluster.id|name", "add");
        }
        if (body.name() == null) {
            throw EngineFault.incomplete("Vm", "name", "add");
        }
        if (body.template() == null || !hasRef(body.template().id(), body.template().name())) {
            throw EngineFault.incomplete("Vm", "template.id|name", "add");
        }
        VmOperations.NewVm newVm = new VmOperations.NewVm(body.name(),
                new Ref(body.cluster().id(), body.cluster().name()),
                new Ref(body.template().id(), body.template().name()),
                body.description(),
                body.comment(),
                body.memory() == null ? null : body.memoryAsLong(),
                body.cpu() != null && body.cpu().topology() != null && body.cpu().topology().sockets() != null
                        ? body.cpu().topology().socketsAsInteger() : null,
                body.cpu() != null && body.cpu().topology() != null && body.cpu().topology().cores() != null
                        ? body.cpu().topology().coresAsInteger() : null,
                body.os() != null ? body.os().type() : null,
                body.type() != null ? body.type().value() : null,
                body.statelessPresent() ? body.stateless() : null,
                body.initialization() != null ? body.initialization().customScript() : null);
        VmEntity created = engine.write(() -> vms.add(request.call(), newVm));
        boolean blocking = request.header("Expect").or(() -> request.header("X-Ovirt-Expect"))
                .map(v -> v.contains("201-created")).orElse(false);
        if (blocking) {
            awaitNotLocked(created.id);
        }
        return engine.read(() -> {
            VmEntity vm = vms.require(created.id);
            int status = "image_locked".equals(vm.status) ? 202 : 201;
            ApiResponse response = ApiResponse.of(status, write(vm, request));
            return status == 201 ? response.withHeader("Location", Hrefs.of("vms", vm.id)) : response;
        });
    }

    /**
     * Engine-side blocking for {@code Expect: 201-created}: poll like the REST layer (at most once a
     * second). A clock that does not move between polls (a test's manual clock) would never finish
     * the disks, so then the answer is the 202 without waiting further.
     */
    private void awaitNotLocked(String vmId) {
        Instant giveUp = Instant.now().plus(BLOCKING_WAIT_LIMIT);
        Instant engineTime = null;
        while (Instant.now().isBefore(giveUp)
                && engine.read(() -> vms.vm(vmId).map(vm -> "image_locked".equals(vm.status)).orElse(false))) {
            Instant now = engine.now();
            if (now.equals(engineTime)) {
                return;
            }
            engineTime = now;
            try {
                Thread.sleep(Math.min(1000, Math.max(10, engine.timing().vmDiskCreation().toMillis() / 4)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** UpdateVm; {@code next_run=true} on a GET shows what a running VM takes on at its next run. */
    private ApiResponse update(ApiRequest request, Map<String, String> params) {
        Vm body = Xml.read(request.body(), XmlVmReader::readOne);
        VmUpdate.Change change = VmChanges.of(body);
        return engine.write(() -> ApiResponse.ok(write(vms.update(request.call(), params.get("id"), change), request)));
    }

    private ApiResponse start(ApiRequest request, Map<String, String> params) {
        Action action = request.body().length == 0 ? null : Xml.read(request.body(), XmlActionReader::readOne);
        VmOperations.StartOptions options = action == null
                ? new VmOperations.StartOptions(null, null, null, null)
                : new VmOperations.StartOptions(
                        action.useCloudInitPresent() ? action.useCloudInit() : null,
                        action.useSysprepPresent() ? action.useSysprep() : null,
                        action.useInitializationPresent() ? action.useInitialization() : null,
                        action.vm() != null && action.vm().initialization() != null
                                ? action.vm().initialization().customScript() : null);
        // The REST layer runs RunVmOnce instead of RunVm when the start carries settings of its own.
        boolean runOnce = action != null && (action.vm() != null || action.useCloudInitPresent()
                || action.useSysprepPresent() || action.useInitializationPresent());
        return engine.write(() -> Actions.run(() -> {
            String jobId = vms.start(request.call(), params.get("id"), options).id;
            vms.require(params.get("id")).runOnce = runOnce;
            return Actions.Outcome.done(jobId);
        }));
    }

    private ApiResponse stop(ApiRequest request, Map<String, String> params, boolean graceful) {
        return engine.write(() -> Actions.run(() -> Actions.Outcome.done(
                vms.stop(request.call(), params.get("id"), graceful).id)));
    }

    private byte[] write(VmEntity vm, ApiRequest request) {
        boolean nextRun = request.booleanParam("next_run").orElse(false);
        Vm out = representation.vm(vm, Follow.of(request), true, allContent(request), nextRun);
        List<String> actions = ResourceActions.of(vm);
        return Xml.writeLinked(LINKS, href -> href.equals(out.href()) ? actions : null,
                w -> XmlVmWriter.writeOne(out, w));
    }

    /** All-Content as a header or as the query parameter the SDK sends for {@code allContent(true)}. */
    static boolean allContent(ApiRequest request) {
        return request.booleanParam("all_content")
                .or(() -> request.header("All-Content").flatMap(ApiRequest::parseBoolean)).orElse(false);
    }

    private Object field(VmEntity vm, String field) {
        return switch (field) {
            case "name" -> vm.name;
            case "status" -> vm.status;
            case "id" -> vm.id;
            case "description" -> vm.description;
            case "cluster" -> clusterName(vm.clusterId);
            case "datacenter" -> {
                ClusterEntity cluster = estate.clusters.get(vm.clusterId);
                yield cluster == null ? null : estate.dataCenters.get(cluster.dataCenterId).name;
            }
            case "pool" -> {
                PoolEntity pool = vm.poolId == null ? null : estate.pools.get(vm.poolId);
                yield pool == null ? null : pool.name;
            }
            case "template" -> {
                TemplateEntity template = estate.templates.get(vm.templateId);
                yield template == null ? null : template.name;
            }
            case "ip" -> vm.reportedIps;
            case "on_host" -> {
                HostEntity host = vm.hostId == null ? null : estate.hosts.get(vm.hostId);
                yield host == null ? null : host.name;
            }
            case "fqdn" -> vm.fqdn;
            case "os" -> vm.osType;
            case "type" -> vm.vmType;
            case "memory" -> vm.memoryBytes / (1024 * 1024);
            case "vcpus" -> vm.sockets * vm.cores;
            case "creationdate" -> vm.creationTime == null ? null : vm.creationTime.toString();
            default -> null;
        };
    }

    private String clusterName(String clusterId) {
        ClusterEntity cluster = estate.clusters.get(clusterId);
        return cluster == null ? null : cluster.name;
    }

    private static boolean hasRef(String id, String name) {
        return id != null || name != null;
    }
}
