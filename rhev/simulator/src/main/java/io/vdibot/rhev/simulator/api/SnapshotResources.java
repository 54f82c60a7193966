package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.SnapshotOperations;
import io.vdibot.rhev.simulator.http.ApiRequest;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import java.util.List;
import java.util.Map;
import org.ovirt.engine.sdk4.builders.ActionBuilder;
import org.ovirt.engine.sdk4.builders.SnapshotBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlActionWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlDiskWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlSnapshotReader;
import org.ovirt.engine.sdk4.internal.xml.XmlSnapshotWriter;
import org.ovirt.engine.sdk4.types.Disk;
import org.ovirt.engine.sdk4.types.Snapshot;
import org.ovirt.engine.sdk4.types.SnapshotStatus;
import org.ovirt.engine.sdk4.types.SnapshotType;

/** {@code /vms/{id}/snapshots}, one snapshot, its disks, its removal and its {@code restore} action. */
public final class SnapshotResources {

    private static final String ONE = "vms/{id}/snapshots/{snapshot}";

    private final Engine engine;
    private final SnapshotOperations snapshots;

    public SnapshotResources(Engine engine, SnapshotOperations snapshots) {
        this.engine = engine;
        this.snapshots = snapshots;
    }

    public void register(Router router) {
        router.get("vms/{id}/snapshots", (r, p) -> engine.read(() -> {
            String vmId = p.get("id");
            List<Snapshot> out = snapshots.list(vmId).stream().map(s -> snapshot(vmId, s)).toList();
            return ApiResponse.ok(Xml.write(w -> XmlSnapshotWriter.writeMany(out.iterator(), w)));
        }))
                .post("vms/{id}/snapshots", this::add)
                .get(ONE, (r, p) -> engine.read(() -> {
                    Snapshot out = snapshot(p.get("id"), snapshots.get(p.get("id"), p.get("snapshot")));
                    return ApiResponse.ok(Xml.write(w -> XmlSnapshotWriter.writeOne(out, w)));
                }))
                .get(ONE + "/disks", (r, p) -> engine.read(() -> {
                    String base = Hrefs.of("vms", p.get("id"), "snapshots", p.get("snapshot")) + "/disks";
                    List<Disk> out = snapshots.disks(p.get("id"), p.get("snapshot")).stream()
                            .map(d -> VmRepresentation.diskBuilder(d).href(base + "/" + d.id).build()).toList();
                    return ApiResponse.ok(Xml.write(w -> XmlDiskWriter.writeMany(out.iterator(), w)));
                }))
                // RemoveSnapshot goes through the REST layer's performAction: 200 with a completed action
                .delete(ONE, (r, p) -> engine.write(() -> {
                    snapshots.remove(r.call(), p.get("id"), p.get("snapshot"));
                    return ApiResponse.ok(Xml.write(w ->
                            XmlActionWriter.writeOne(new ActionBuilder().status("complete").build(), w)));
                }))
                // the REST layer runs the restore blocking (async=false): the answer is "complete"
                .post(ONE + "/restore", (r, p) -> engine.write(() -> Actions.run(() -> Actions.Outcome.done(
                        snapshots.restore(r.call(), p.get("id"), p.get("snapshot")).id))));
    }

    /**
     * CreateSnapshotForVm leaves the new snapshot locked while its volumes are made, so the answer is the REST
     * layer's 202 with the snapshot as it is.
     */
    private ApiResponse add(ApiRequest request, Map<String, String> params) {
        Snapshot body = Xml.read(request.body(), XmlSnapshotReader::readOne);
        if (body.description() == null) {
            throw EngineFault.incomplete("Snapshot", "description", "add");
        }
        SnapshotOperations.NewSnapshot wanted = new SnapshotOperations.NewSnapshot(body.description(),
                body.persistMemorystatePresent() ? body.persistMemorystate() : null);
        String vmId = params.get("id");
        return engine.write(() -> {
            SnapshotOperations.View created = snapshots.add(request.call(), vmId, wanted);
            byte[] xml = Xml.write(w -> XmlSnapshotWriter.writeOne(snapshot(vmId, created), w));
            return "locked".equals(created.status()) ? ApiResponse.of(202, xml)
                    : ApiResponse.of(201, xml).withHeader("Location", Hrefs.of("vms", vmId, "snapshots", created.id()));
        });
    }

    static Snapshot snapshot(String vmId, SnapshotOperations.View view) {
        SnapshotBuilder b = new SnapshotBuilder().id(view.id()).href(Hrefs.of("vms", vmId, "snapshots", view.id()))
                .description(view.description())
                .snapshotType(SnapshotType.fromValue(view.type()))
                .snapshotStatus(SnapshotStatus.fromValue(view.status()))
                .persistMemorystate(view.persistMemory())
                .vm(new VmBuilder().id(vmId).href(Hrefs.of("vms", vmId)));
        if (view.date() != null) {
            b.date(Dates.of(view.date()));
        }
        return b.build();
    }
}
