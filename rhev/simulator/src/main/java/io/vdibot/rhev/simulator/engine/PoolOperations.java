package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VM pools as AddVmPool, UpdateVmPool, RemoveVmPool and AttachUserToVmFromPoolAndRun run them. Adding
 * the VMs ({@link PoolVmAddition}) and deciding which VMs run and who holds them ({@link PoolAllocation},
 * with the pool monitor) have classes of their own.
 */
public final class PoolOperations {

    /** What a client asked for in {@code POST /vmpools}; nulls take the engine's defaults. */
    public record NewPool(String name, String description, String comment, Ref cluster, Ref template, Integer size,
            String type, Integer maxUserVms, Integer prestartedVms, Boolean stateful,
            Boolean useLatestTemplateVersion) {
    }

    /** What a client sent in {@code PUT /vmpools/{id}}; null means "not sent". */
    public record PoolUpdate(String name, String description, String comment, Integer size, String type,
            Boolean stateful, Integer maxUserVms, Integer prestartedVms, Boolean useLatestTemplateVersion) {
    }

    static final String POOL_REMOVAL = "pool.removal";
    private static final int MAX_USER_VMS_LIMIT = 32767;
    private static final String TYPE = "VM-Pool";

    private final Engine engine;
    private final Estate estate;
    private final VmOperations vms;
    private final PoolVmAddition addition;
    private final PoolAllocation allocation;

    public PoolOperations(Engine engine, VmOperations vms) {
        this.engine = engine;
        this.estate = engine.estate();
        this.vms = vms;
        this.addition = new PoolVmAddition(engine, vms);
        this.allocation = new PoolAllocation(engine, vms);
        engine.onDue(POOL_REMOVAL, change -> pool(change.entityId).ifPresent(pool -> finishRemoval(pool,
                change.args)));
    }

    public Optional<PoolEntity> pool(String id) {
        return Optional.ofNullable(estate.pools.get(id));
    }

    public PoolEntity require(String id) {
        return pool(id).orElseThrow(EngineFault::notFound);
    }

    public List<VmEntity> vmsOf(PoolEntity pool) {
        return vmsOf(estate, pool);
    }

    static List<VmEntity> vmsOf(Estate estate, PoolEntity pool) {
        return estate.vms.values().stream().filter(vm -> pool.id.equals(vm.poolId)).toList();
    }

    public PoolEntity add(Call call, NewPool request) {
        ClusterEntity cluster = vms.resolveCluster(request.cluster());
        TemplateEntity template = vms.resolveTemplate(request.template(), cluster);
        String action = "create";
        int size = request.size() == null ? 1 : request.size();
        int maxUserVms = request.maxUserVms() == null ? 1 : request.maxUserVms();
        int prestarted = request.prestartedVms() == null ? 0 : request.prestartedVms();
        NameRules.checkPoolName(request.name(), action);
        checkMaxUserVms(maxUserVms);
        if (nameUsed(request.name(), null)) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed(action, TYPE));
        }
        if (!template.isBlank() && !vms.sameDataCenter(template, cluster)) {
            throw EngineFault.badRequest(EngineMessages.templateNotInCurrentDataCenter());
        }
        if ("locked".equals(template.status)) {
            throw EngineFault.conflict(EngineMessages.templateImageLocked());
        }
        if (size < 1) {
            throw EngineFault.badRequest(EngineMessages.poolCannotCreateWithNoVms());
        }
        if (prestarted > size) {
            throw EngineFault.conflict(EngineMessages.poolPrestartedExceedsSize(action, TYPE));
        }
        if (template.isBlank()) {
            throw EngineFault.conflict(EngineMessages.poolFromBlankTemplate());
        }
        PoolEntity pool = new PoolEntity();
        pool.id = engine.newId();
        pool.name = request.name();
        pool.description = request.description();
        pool.comment = request.comment();
        pool.clusterId = cluster.id;
        pool.templateId = template.id;
        pool.type = request.type() == null ? "automatic" : request.type();
        pool.stateful = Boolean.TRUE.equals(request.stateful());
        pool.useLatestTemplateVersion = Boolean.TRUE.equals(request.useLatestTemplateVersion());
        pool.maxUserVms = maxUserVms;
        pool.prestartedVms = prestarted;
        estate.pools.put(pool.id, pool);
        JobEntity job = engine.startJob("Creating VM Pool " + pool.name + " from template " + template.name,
                call.correlationId());
        addition.start(call, pool, size, true, job);
        if (pool.prestartedVms > 0) {
            engine.schedulePeriodic(engine.timing().poolMonitorInterval(), PoolAllocation.POOL_MONITOR, pool.id);
        }
        return pool;
    }

    public PoolEntity update(Call call, String poolId, PoolUpdate request) {
        PoolEntity pool = require(poolId);
        String action = "edit";
        checkNotBusy(pool, action);
        int current = vmsOf(pool).size();
        int target = request.size() == null ? current : request.size();
        int maxUserVms = request.maxUserVms() == null ? pool.maxUserVms : request.maxUserVms();
        int prestarted = request.prestartedVms() == null ? pool.prestartedVms : request.prestartedVms();
        checkMaxUserVms(maxUserVms);
        if (request.name() != null && nameUsed(request.name(), pool.id)) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed(action, TYPE));
        }
        if (target < current) {
            throw EngineFault.badRequest(EngineMessages.poolCannotDecrease());
        }
        if (request.type() != null && !request.type().equals(pool.type)) {
            throw EngineFault.badRequest(EngineMessages.poolCannotChangeType());
        }
        if (request.stateful() != null && request.stateful() != pool.stateful) {
            throw EngineFault.badRequest(EngineMessages.poolCannotChangeStateful());
        }
        if (request.name() != null && !request.name().equals(pool.name)) {
            throw EngineFault.badRequest(EngineMessages.poolCannotChangeName());
        }
        if (prestarted > target) {
            throw EngineFault.conflict(EngineMessages.poolPrestartedExceedsSize(action, TYPE));
        }
        TemplateEntity template = estate.templates.get(pool.templateId);
        if (target > current && template == null) {
            throw EngineFault.badRequest(EngineMessages.templateDoesNotExist(action, TYPE));
        }
        if (target > current && "locked".equals(template.status)) {
            throw EngineFault.conflict(EngineMessages.templateImageLocked());
        }
        if (request.description() != null) {
            pool.description = request.description();
        }
        if (request.comment() != null) {
            pool.comment = request.comment();
        }
        if (request.useLatestTemplateVersion() != null) {
            pool.useLatestTemplateVersion = request.useLatestTemplateVersion();
        }
        pool.maxUserVms = maxUserVms;
        pool.prestartedVms = prestarted;
        JobEntity job = engine.startJob("Configuring VM Pool " + pool.name + " properties", call.correlationId());
        if (target > current) {
            addition.start(call, pool, target - current, false, job);
        } else {
            engine.event(314, "normal", "VM Pool " + pool.name + " configuration was updated by "
                    + call.userName() + ".", call.correlationId(), e -> e.clusterId = pool.clusterId);
            engine.endJob(job.id, true);
        }
        // UpdateVmPool triggers the pool monitor right away instead of waiting for its next run.
        engine.cancelScheduled(PoolAllocation.POOL_MONITOR, pool.id);
        engine.schedule(Duration.ZERO, PoolAllocation.POOL_MONITOR, pool.id);
        return pool;
    }

    private void checkNotBusy(PoolEntity pool, String action) {
        if (pool.beingRemoved) {
            throw EngineFault.conflict(EngineMessages.poolIsBeingRemoved(action, TYPE, pool.name));
        }
        if (pool.vmsToAdd > 0) {
            throw EngineFault.conflict(pool.beingCreated
                    ? EngineMessages.poolIsBeingCreated(action, TYPE, pool.name)
                    : EngineMessages.poolIsBeingUpdated(action, TYPE, pool.name));
        }
    }

    private static void checkMaxUserVms(int maxUserVms) {
        if (maxUserVms < 1 || maxUserVms > MAX_USER_VMS_LIMIT) {
            throw EngineFault.badRequest(EngineMessages.poolMaxUserVmsOutOfRange());
        }
    }

    /** Pool names are unique in the whole engine, not only in a data center. */
    private boolean nameUsed(String name, String exceptPoolId) {
        return estate.pools.values().stream().anyMatch(p -> p.name.equals(name) && !p.id.equals(exceptPoolId));
    }

    /** Marks the pool as being removed, powers its VMs off and removes everything once they are down. */
    public JobEntity remove(Call call, String poolId) {
        PoolEntity pool = require(poolId);
        checkNotBusy(pool, "remove");
        pool.beingRemoved = true;
        pool.prestartedVms = 0;
        engine.cancelScheduled(PoolAllocation.POOL_MONITOR, pool.id);
        engine.event(321, "normal", "VM Pool " + pool.name + " removal was initiated by " + call.userName() + ".",
                call.correlationId(), e -> e.clusterId = pool.clusterId);
        ClusterEntity cluster = estate.clusters.get(pool.clusterId);
        JobEntity job = engine.startJob("Removing VM Pool " + pool.name + " from Cluster " + cluster.name,
                call.correlationId());
        vmsOf(pool).forEach(vms::powerOffInternally);
        engine.schedule(engine.timing().vmRemoval(), POOL_REMOVAL, pool.id, call.jobArgs(job));
        return job;
    }

    private void finishRemoval(PoolEntity pool, Map<String, String> args) {
        List<VmEntity> members = vmsOf(pool);
        if (members.stream().anyMatch(vm -> !vm.isDown())) {
            engine.schedule(engine.timing().vmRemoval(), POOL_REMOVAL, pool.id, args);
            return;
        }
        members.forEach(vms::delete);
        estate.permissions.values().removeIf(p -> "vm_pool".equals(p.objectType) && pool.id.equals(p.objectId));
        estate.pools.remove(pool.id);
        engine.event(304, "normal", "VM Pool " + pool.name + " was removed by " + args.get("user") + ".",
                args.get("correlation"), e -> e.clusterId = pool.clusterId);
        engine.endJob(args.get("job"), true);
    }

    /** What an allocation did: the VM handed out and the job that covers it. */
    public record Allocation(VmEntity vm, JobEntity job) {
    }

    /**
     * Hands a free VM to the calling user with UserRole on it, preferring a running prestarted VM,
     * and runs it when it is down.
     */
    public Allocation allocate(Call call, String poolId) {
        return allocation.allocate(call, require(poolId));
    }
}
