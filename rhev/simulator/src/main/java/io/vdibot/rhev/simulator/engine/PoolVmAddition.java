package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Adding VMs to a pool, for AddVmPool and for an UpdateVmPool that grows it: the engine adds every VM
 * (image_locked, disks being created) before the command answers, so a client sees the whole pool at
 * once; each VM then finishes its disks on its own and the template stays locked until all are added.
 * A chain left pending by an older state directory ({@code pool.add-vm}) is finished the same way.
 */
final class PoolVmAddition {

    static final String POOL_ADD_VM = "pool.add-vm";
    static final String POOL_VM_READY = "pool.vm-ready";
    /** VmPoolMaxSubsequentFailures: consecutive VM failures after which adding stops. */
    private static final int MAX_SUBSEQUENT_FAILURES = 3;

    private final Engine engine;
    private final Estate estate;
    private final VmOperations vms;

    PoolVmAddition(Engine engine, VmOperations vms) {
        this.engine = engine;
        this.estate = engine.estate();
        this.vms = vms;
        engine.onDue(POOL_ADD_VM, change -> Optional.ofNullable(estate.pools.get(change.entityId))
                .ifPresent(pool -> addRemainingVms(pool, change.args)));
        engine.onDue(POOL_VM_READY, this::vmReady);
    }

    /**
     * Locks the template and adds the first VM at once, the rest one scheduled change at a time.
     * Numbering restarts at 1 on every run and skips names taken in the data center.
     */
    void start(Call call, PoolEntity pool, int count, boolean creating, JobEntity job) {
        pool.vmsToAdd = count;
        pool.beingCreated = creating;
        estate.templates.get(pool.templateId).status = "locked";
        Map<String, String> run = call.jobArgs(job);
        run.put("creating", Boolean.toString(creating));
        run.put("number", "0");
        run.put("added", "0");
        run.put("failures", "0");
        addRemainingVms(pool, run);
    }

    private void addRemainingVms(PoolEntity pool, Map<String, String> run) {
        Map<String, String> next = run;
        while (next != null) {
            next = addNextVm(pool, next);
        }
    }

    /** Adds one VM; the arguments for the next one, or null when the pool is complete. */
    private Map<String, String> addNextVm(PoolEntity pool, Map<String, String> run) {
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
            return next;
        }
        finishAdding(pool, next);
        return null;
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
            engine.cancelScheduled(PoolAllocation.POOL_MONITOR, pool.id);
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
}
