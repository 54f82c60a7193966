package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.UserEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VM pools as AddVmPool, UpdateVmPool, RemoveVmPool, AttachUserToVmFromPoolAndRun and the pool
 * monitor run them. Adding VMs is a chain of scheduled changes, one VM each, so a big pool fills up
 * over modelled time while its template stays locked; the state of a running chain travels in the
 * change's arguments, so it survives a restart from the state directory.
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

    static final String POOL_ADD_VM = "pool.add-vm";
    static final String POOL_VM_READY = "pool.vm-ready";
    static final String POOL_MONITOR = "pool.monitor";
    static final String POOL_REMOVAL = "pool.removal";
    /** UserRole, which AttachUserToVmFromPoolAndRun grants on the allocated VM. */
    static final String USER_ROLE_ID = "00000000-0000-0000-0001-000000000001";
    private static final int MAX_USER_VMS_LIMIT = 32767;
    /** VmPoolMaxSubsequentFailures: consecutive VM failures after which adding stops. */
    private static final int MAX_SUBSEQUENT_FAILURES = 3;
    /** VmPoolMonitorBatchSize: VMs the monitor starts per pool and run. */
    private static final int MONITOR_BATCH = 5;
    private static final String TYPE = "VM-Pool";
    private static final Comparator<VmEntity> BY_NAME = Comparator.comparing(vm -> vm.name);

    private final Engine engine;
    private final Estate estate;
    private final VmOperations vms;

    public PoolOperations(Engine engine, VmOperations vms) {
        this.engine = engine;
        this.estate = engine.estate();
        this.vms = vms;
        engine.onDue(POOL_ADD_VM, change -> pool(change.entityId).ifPresent(pool -> addNextVm(pool, change.args)));
        engine.onDue(POOL_VM_READY, this::vmReady);
        engine.onDue(POOL_MONITOR, change -> pool(change.entityId).ifPresent(this::monitor));
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
        startAdding(call, pool, size, true, job);
        if (pool.prestartedVms > 0) {
            engine.schedule(engine.timing().poolMonitorInterval(), POOL_MONITOR, pool.id);
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
            startAdding(call, pool, target - current, false, job);
        } else {
            engine.event(314, "normal", "VM Pool " + pool.name + " configuration was updated by "
                    + call.userName() + ".", call.correlationId(), e -> e.clusterId = pool.clusterId);
            engine.endJob(job.id, true);
        }
        // UpdateVmPool triggers the pool monitor right away instead of waiting for its next run.
        engine.cancelScheduled(POOL_MONITOR, pool.id);
        engine.schedule(Duration.ZERO, POOL_MONITOR, pool.id);
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

    /**
     * Locks the template and adds the first VM at once, the rest one scheduled change at a time.
     * Numbering restarts at 1 on every run and skips names taken in the data center.
     */
    private void startAdding(Call call, PoolEntity pool, int count, boolean creating, JobEntity job) {
        pool.vmsToAdd = count;
        pool.beingCreated = creating;
        estate.templates.get(pool.templateId).status = "locked";
        Map<String, String> run = call.jobArgs(job);
        run.put("creating", Boolean.toString(creating));
        run.put("number", "0");
        run.put("added", "0");
        run.put("failures", "0");
        addNextVm(pool, run);
    }

    private void addNextVm(PoolEntity pool, Map<String, String> run) {
        ClusterEntity cluster = estate.clusters.get(pool.clusterId);
        TemplateEntity template = estate.templates.get(pool.templateId);
        int number = PoolNaming.nextFreeNumber(pool.name, Integer.parseInt(run.get("number")) + 1,
                name -> vms.nameUsedInDataCenter(name, cluster.dataCenterId));
        String name = PoolNaming.nameFor(pool.name, number);
        Map<String, String> next = new HashMap<>(run);
        next.put("number", Integer.toString(number));
        pool.vmsToAdd--;
        // AddVm refuses names longer than the VM limit; the pool command counts that as a failed VM.
        if (name.length() > NameRules.MAX_VM_NAME_LENGTH) {
            next.put("failures", Integer.toString(Integer.parseInt(run.get("failures")) + 1));
        } else {
            addVm(pool, cluster, template, name, run.get("job"));
            next.put("failures", "0");
            next.put("added", Integer.toString(Integer.parseInt(run.get("added")) + 1));
        }
        if (Integer.parseInt(next.get("failures")) >= MAX_SUBSEQUENT_FAILURES && pool.vmsToAdd > 0) {
            pool.vmsToAdd = 0;
            engine.event(358, "warning", "Not all VMs where successfully created in VM Pool " + pool.name + ".",
                    next.get("correlation"), e -> e.clusterId = pool.clusterId);
        }
        if (pool.vmsToAdd > 0) {
            engine.schedule(engine.timing().poolVmAddition(), POOL_ADD_VM, pool.id, next);
        } else {
            finishAdding(pool, next);
        }
    }

    private void addVm(PoolEntity pool, ClusterEntity cluster, TemplateEntity template, String name, String jobId) {
        VmEntity vm = vms.createFromTemplate(name, cluster, template, null);
        vm.poolId = pool.id;
        vm.stateless = !pool.stateful;
        vm.useLatestTemplateVersion = pool.useLatestTemplateVersion;
        JobEntity job = estate.jobs.get(jobId);
        if (job == null) {
            return;
        }
        JobEntity.StepEntity step = new JobEntity.StepEntity();
        step.id = engine.newId();
        step.description = "Creating VM " + name + " for VM Pool";
        step.number = job.steps.size() + 1;
        step.startTime = engine.now();
        job.steps.add(step);
        job.lastUpdated = step.startTime;
        if ("image_locked".equals(vm.status)) {
            // Scheduled after the VM's own end of disk creation, so it runs right after it.
            engine.schedule(engine.timing().vmDiskCreation(), POOL_VM_READY, vm.id,
                    Map.of("job", jobId, "step", step.id, "pool", pool.id));
        } else {
            finishStep(job, step.id);
        }
    }

    private void finishAdding(PoolEntity pool, Map<String, String> run) {
        TemplateEntity template = estate.templates.get(pool.templateId);
        if (template != null && "locked".equals(template.status)) {
            template.status = "ok";
        }
        boolean creating = Boolean.parseBoolean(run.get("creating"));
        pool.beingCreated = false;
        int added = Integer.parseInt(run.get("added"));
        String correlation = run.get("correlation");
        String user = run.get("user");
        if (creating && added == 0) {
            estate.pools.remove(pool.id);
            engine.cancelScheduled(POOL_MONITOR, pool.id);
            engine.event(303, "error", "Failed to create VM Pool " + pool.name + " (User: " + user + ").",
                    correlation, e -> e.clusterId = pool.clusterId);
            engine.endJob(run.get("job"), false);
            return;
        }
        engine.event(creating ? 302 : 344, "normal", creating
                ? "VM Pool " + pool.name + " (containing " + added + " VMs) was created by " + user + "."
                : "VM Pool " + pool.name + " was updated by " + user + ", " + added + " VMs were added.",
                correlation, e -> {
                    e.clusterId = pool.clusterId;
                    e.templateId = pool.templateId;
                });
        JobEntity job = estate.jobs.get(run.get("job"));
        if (job != null && allStepsDone(job)) {
            engine.endJob(job.id, true);
        }
    }

    private void vmReady(PendingChange change) {
        JobEntity job = estate.jobs.get(change.args.get("job"));
        if (job == null) {
            return;
        }
        finishStep(job, change.args.get("step"));
        PoolEntity pool = estate.pools.get(change.args.get("pool"));
        if ((pool == null || pool.vmsToAdd == 0) && allStepsDone(job)) {
            engine.endJob(job.id, true);
        }
    }

    private void finishStep(JobEntity job, String stepId) {
        job.steps.stream().filter(s -> s.id.equals(stepId) && "started".equals(s.status)).forEach(s -> {
            s.status = "finished";
            s.endTime = engine.now();
            job.lastUpdated = s.endTime;
        });
    }

    /** The job's own first step stays open until the job ends; the per-VM steps follow it. */
    private static boolean allStepsDone(JobEntity job) {
        return job.steps.stream().skip(1).noneMatch(s -> "started".equals(s.status));
    }

    /**
     * One run of the pool monitor for one pool: starts up to a batch of free down VMs until the pool
     * has as many running unassigned VMs as it should have prestarted, then plans its next run.
     */
    private void monitor(PoolEntity pool) {
        if (pool.beingRemoved || pool.prestartedVms <= 0) {
            return;
        }
        List<VmEntity> members = vmsOf(pool);
        releaseReturnedVms(pool, members);
        long prestarted = members.stream()
                .filter(vm -> vm.assignedUserId == null && !vm.isDown() && !"image_locked".equals(vm.status))
                .count();
        long missing = Math.min(pool.prestartedVms - prestarted, MONITOR_BATCH);
        List<VmEntity> candidates = members.stream()
                .filter(vm -> vm.isDown() && vm.assignedUserId == null).sorted(BY_NAME).toList();
        for (int i = 0; i < missing && i < candidates.size(); i++) {
            try {
                vms.start(Call.internal(), candidates.get(i).id, new VmOperations.StartOptions(null, null, null, null));
            } catch (EngineFault refused) {
                // The monitor logs and retries on its next run, as VmPoolMonitor does.
                break;
            }
        }
        engine.schedule(engine.timing().poolMonitorInterval(), POOL_MONITOR, pool.id);
    }

    /**
     * Automatic pools take a VM back once its user shut it down. The engine does that when the VM
     * goes down; here it happens when the pool is next looked at (monitor run or allocation).
     */
    private void releaseReturnedVms(PoolEntity pool, List<VmEntity> members) {
        if (!"automatic".equals(pool.type)) {
            return;
        }
        for (VmEntity vm : members) {
            if (vm.assignedUserId != null && vm.isDown()) {
                String userId = vm.assignedUserId;
                vm.assignedUserId = null;
                estate.permissions.values().removeIf(p -> "vm".equals(p.objectType) && vm.id.equals(p.objectId)
                        && USER_ROLE_ID.equals(p.roleId) && userId.equals(p.userId));
            }
        }
    }

    /** Marks the pool as being removed, powers its VMs off and removes everything once they are down. */
    public JobEntity remove(Call call, String poolId) {
        PoolEntity pool = require(poolId);
        checkNotBusy(pool, "remove");
        pool.beingRemoved = true;
        pool.prestartedVms = 0;
        engine.cancelScheduled(POOL_MONITOR, pool.id);
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
        PoolEntity pool = require(poolId);
        String action = "allocate and run";
        String type = "VM from VM-Pool";
        if (pool.beingRemoved) {
            throw EngineFault.conflict(EngineMessages.poolIsBeingRemoved(action, type, pool.name));
        }
        UserEntity user = estate.users.values().stream().filter(u -> u.userName.equals(call.userName()))
                .findFirst().orElseThrow(() -> EngineFault.backend(401, "User must exist in Database."));
        List<VmEntity> members = vmsOf(pool);
        releaseReturnedVms(pool, members);
        Optional<VmEntity> prestarted = members.stream()
                .filter(vm -> vm.assignedUserId == null && vm.isUp()).min(BY_NAME);
        Optional<VmEntity> chosen = prestarted.isPresent() ? prestarted
                : members.stream().filter(vm -> vm.assignedUserId == null && vm.isDown()).min(BY_NAME);
        if (chosen.isEmpty()) {
            throw EngineFault.conflict(EngineMessages.noAvailablePoolVms(action, type));
        }
        long assigned = members.stream().filter(vm -> user.id.equals(vm.assignedUserId)).count();
        if (assigned >= pool.maxUserVms) {
            throw EngineFault.conflict(EngineMessages.poolUserAtMaximum());
        }
        VmEntity vm = chosen.get();
        if (vm.isDown()) {
            vms.start(call, vm.id, new VmOperations.StartOptions(null, null, null, null));
        }
        JobEntity job = engine.startJob("Allocating VM " + vm.name + " from VM Pool " + pool.name + " to User "
                + user.userName, call.correlationId());
        vm.assignedUserId = user.id;
        PermissionEntity permission = new PermissionEntity();
        permission.id = engine.newId();
        permission.roleId = USER_ROLE_ID;
        permission.userId = user.id;
        permission.objectType = "vm";
        permission.objectId = vm.id;
        estate.permissions.put(permission.id, permission);
        engine.event(316, "normal", "Attaching User " + user.userName + " to VM " + vm.name + " in VM Pool "
                + pool.name + " was initiated by " + call.userName() + ".", call.correlationId(), e -> {
                    e.vmId = vm.id;
                    e.userId = user.id;
                });
        engine.event(318, "normal", "User " + user.userName + " successfully attached to VM " + vm.name
                + " in VM Pool " + pool.name + ".", call.correlationId(), e -> {
                    e.vmId = vm.id;
                    e.userId = user.id;
                });
        engine.endJob(job.id, true);
        return new Allocation(vm, job);
    }
}
