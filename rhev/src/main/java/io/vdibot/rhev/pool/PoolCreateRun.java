package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.inventory.VmInfo;
import java.util.Comparator;
import java.util.List;

/**
 * One execution of a {@code pool.create} task. The pool is created with the first batch's size and grown batch by
 * batch ({@link PoolBatches}); the engine adds the VMs itself. After each batch the run waits until the new VMs are
 * down with their disks, starts as many of them as the pool should keep prestarted (the engine's own pool monitor
 * would take minutes) and waits until those are up with an address, and checks that the VMs left down are healthy.
 * VMs without an address after a retry, still locked or not healthy are named, and the task ends
 * {@link TaskStatus#PARTIALLY_SUCCEEDED}.
 */
final class PoolCreateRun extends PoolRun {

    static final String PREFLIGHT = "preflight";
    static final String CREATE = "create-pool";
    static final String GRANT = "grant";

    private final PoolCreateRequest request;
    private final PoolServices services;
    private final PoolLimits limits;

    PoolCreateRun(PoolCreateRequest request, TaskContext context, PoolServices services) {
        super(context, services);
        this.request = request;
        this.services = services;
        this.limits = services.limits();
    }

    TaskOutcome execute() {
        return changingInventory(this::runSteps, () -> pool == null ? null
                : messages.format("pool.create.left-in-place", request.name(), site));
    }

    private TaskOutcome runSteps() {
        String name = request.name();
        PoolCreatePlan plan = PoolCreatePlan.parse(run.step(PREFLIGHT, messages.format(
                "pool.create.progress.preflight", request.template(), name, site),
                () -> new PoolCreatePreflight(request, context, services, run).check().journal()));
        List<Integer> sizes = new PoolBatchPlan(0, request.size(), limits.batchFor(request.batch())).sizes();
        String poolId = run.step(CREATE, messages.format("pool.create.progress.create-pool", name,
                sizes.get(0), sizes.size()), () -> create(plan, sizes.get(0)));
        pool = poolById(name, poolId);
        PoolBatches batches = new PoolBatches(this, "pool.create", name, request.size(), List.of(), false);
        for (int batch = 1; batch <= sizes.size(); batch++) {
            int size = sizes.get(batch - 1);
            batches.run(new PoolBatches.Batch(batch, sizes.size(), batch == 1 ? 0 : sizes.get(batch - 2), size,
                    batch > 1, prestartedFor(size), prestartedFor(size)));
        }
        if (plan.grants()) {
            run.step(GRANT, messages.format("pool.create.progress.grant", request.group(), request.role(), name),
                    () -> grant(plan));
        }
        return outcome(plan, batches);
    }

    private String create(PoolCreatePlan plan, int firstBatch) {
        PoolActions.NewPool spec = new PoolActions.NewPool(request.name(), request.description(), plan.clusterId(),
                plan.templateId(), plan.followLatest(), firstBatch, prestartedFor(firstBatch), request.maxPerUser(),
                request.type() == null ? null : request.type().keyword(), request.stateful());
        // The template is locked while any pool is being built from it: wait for it rather than fail.
        PoolActions.Created created = whileBusy(timings.createTimeout(),
                () -> actions.createOrReuse(site, spec, context.taskCode()));
        if (created.reused()) {
            log.deploy(Text.of("pool.create.log.reused", request.name(), created.pool().id()), messages);
        } else {
            log.deploy(Text.of("pool.create.log.created", request.name(), created.pool().id(), firstBatch), messages);
        }
        return created.pool().id();
    }

    /** The engine refuses more prestarted VMs than the pool has, so the count grows with the pool. */
    private int prestartedFor(int size) {
        return Math.min(request.prestarted() == null ? 0 : request.prestarted(), size);
    }

    private String grant(PoolCreatePlan plan) {
        String permissionId = actions.grant(site, pool.id(), plan.groupId(), plan.roleId(), correlationId(GRANT)).id();
        log.deploy(Text.of("pool.log.granted", request.group(), request.role(), request.name()), messages);
        return permissionId;
    }

    @Override
    protected RuntimeException vanished() {
        pool = null;
        return run.fail(context.steps().result(created(1)).isPresent() ? "pool.vanished" : "pool.create.not-created",
                request.name(), site);
    }

    private TaskOutcome outcome(PoolCreatePlan plan, PoolBatches batches) {
        List<VmInfo> vms = actions.vms(site, pool, true).stream()
                .sorted(Comparator.comparing(VmInfo::name, PoolJournal.NAME_ORDER)).toList();
        return new PoolCreateResult(request, site, messages, inventory)
                .outcome(plan, vms, batches, stuck(), this::appendStepsAndLogs);
    }
}
