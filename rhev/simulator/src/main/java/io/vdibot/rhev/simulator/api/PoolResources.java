package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.PoolOperations;
import io.vdibot.rhev.simulator.engine.Ref;
import io.vdibot.rhev.simulator.http.ApiRequest;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ovirt.engine.sdk4.builders.ActionBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlActionWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlVmPoolReader;
import org.ovirt.engine.sdk4.internal.xml.XmlVmPoolWriter;
import org.ovirt.engine.sdk4.types.VmPool;

/** {@code /vmpools}: list, get, create, update, remove and allocatevm. */
public final class PoolResources {

    static final Set<String> SEARCH_FIELDS = Set.of("name", "description", "comment", "type", "cluster",
            "datacenter", "assigned_vm_count", "running_vm_count");

    private final Engine engine;
    private final Estate estate;
    private final PoolOperations pools;

    public PoolResources(Engine engine, PoolOperations pools) {
        this.engine = engine;
        this.estate = engine.estate();
        this.pools = pools;
    }

    public void register(Router router) {
        router.get("vmpools", this::list)
                .post("vmpools", this::add)
                .get("vmpools/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(write(pools.require(p.get("id"))))))
                .put("vmpools/{id}", this::update)
                .delete("vmpools/{id}", this::remove)
                .post("vmpools/{id}/allocatevm", (r, p) -> engine.write(() -> Actions.run(() -> {
                    PoolOperations.Allocation allocation = pools.allocate(r.call(), p.get("id"));
                    VmEntity vm = allocation.vm();
                    return new Actions.Outcome(allocation.job().id, false,
                            b -> b.vm(new VmBuilder().id(vm.id).href(Hrefs.of("vms", vm.id))));
                })));
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        return engine.read(() -> {
            Map<String, List<VmEntity>> members = membersByPool();
            List<PoolEntity> selected = Listing.select(request, new ArrayList<>(estate.pools.values()),
                    SEARCH_FIELDS, (pool, field) -> field(pool, field, members.getOrDefault(pool.id, List.of())));
            List<VmPool> out = new ArrayList<>(selected.size());
            selected.forEach(pool -> out.add(PoolRepresentation.pool(pool, members.getOrDefault(pool.id, List.of()))));
            return ApiResponse.ok(Xml.write(w -> XmlVmPoolWriter.writeMany(out.iterator(), w)));
        });
    }

    private ApiResponse add(ApiRequest request, Map<String, String> params) {
        VmPool body = Xml.read(request.body(), XmlVmPoolReader::readOne);
        if (body.name() == null) {
            throw EngineFault.incomplete("VmPool", "name", "add");
        }
        if (body.template() == null || (body.template().id() == null && body.template().name() == null)) {
            throw EngineFault.incomplete("VmPool", "template.id|name", "add");
        }
        if (body.cluster() == null || (body.cluster().id() == null && body.cluster().name() == null)) {
            throw EngineFault.incomplete("VmPool", "cluster.id|name", "add");
        }
        PoolOperations.NewPool newPool = new PoolOperations.NewPool(body.name(), body.description(), body.comment(),
                new Ref(body.cluster().id(), body.cluster().name()),
                new Ref(body.template().id(), body.template().name()),
                body.size() == null ? null : body.sizeAsInteger(),
                body.type() == null ? null : body.type().value(),
                body.maxUserVms() == null ? null : body.maxUserVmsAsInteger(),
                body.prestartedVms() == null ? null : body.prestartedVmsAsInteger(),
                body.statefulPresent() ? body.stateful() : null,
                body.useLatestTemplateVersionPresent() ? body.useLatestTemplateVersion() : null);
        return engine.write(() -> {
            PoolEntity created = pools.add(request.call(), newPool);
            return ApiResponse.of(201, write(created)).withHeader("Location", Hrefs.of("vmpools", created.id));
        });
    }

    private ApiResponse update(ApiRequest request, Map<String, String> params) {
        VmPool body = Xml.read(request.body(), XmlVmPoolReader::readOne);
        PoolOperations.PoolUpdate update = new PoolOperations.PoolUpdate(body.name(), body.description(),
                body.comment(),
                body.size() == null ? null : body.sizeAsInteger(),
                body.type() == null ? null : body.type().value(),
                body.statefulPresent() ? body.stateful() : null,
                body.maxUserVms() == null ? null : body.maxUserVmsAsInteger(),
                body.prestartedVms() == null ? null : body.prestartedVmsAsInteger(),
                body.useLatestTemplateVersionPresent() ? body.useLatestTemplateVersion() : null);
        return engine.write(() -> ApiResponse.ok(write(pools.update(request.call(), params.get("id"), update))));
    }

    /** RemoveVmPool goes through the REST layer's performAction: 200 with a completed action. */
    private ApiResponse remove(ApiRequest request, Map<String, String> params) {
        return engine.write(() -> {
            pools.remove(request.call(), params.get("id"));
            return ApiResponse.ok(Xml.write(w ->
                    XmlActionWriter.writeOne(new ActionBuilder().status("complete").build(), w)));
        });
    }

    private byte[] write(PoolEntity pool) {
        VmPool out = PoolRepresentation.pool(pool, pools.vmsOf(pool));
        return Xml.write(w -> XmlVmPoolWriter.writeOne(out, w));
    }

    private Map<String, List<VmEntity>> membersByPool() {
        Map<String, List<VmEntity>> members = new HashMap<>();
        for (VmEntity vm : estate.vms.values()) {
            if (vm.poolId != null) {
                members.computeIfAbsent(vm.poolId, k -> new ArrayList<>()).add(vm);
            }
        }
        return members;
    }

    private Object field(PoolEntity pool, String field, List<VmEntity> members) {
        ClusterEntity cluster = estate.clusters.get(pool.clusterId);
        return switch (field) {
            case "name" -> pool.name;
            case "description" -> pool.description;
            case "comment" -> pool.comment;
            case "type" -> pool.type;
            case "cluster" -> cluster == null ? null : cluster.name;
            case "datacenter" -> cluster == null ? null : estate.dataCenters.get(cluster.dataCenterId).name;
            case "assigned_vm_count" -> members.size();
            default -> members.stream().filter(vm -> !vm.isDown() && !"image_locked".equals(vm.status)).count();
        };
    }
}
