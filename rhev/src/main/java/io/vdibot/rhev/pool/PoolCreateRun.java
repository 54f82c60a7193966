package io.vdibot.rhev.pool;

import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.commands.i18n.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One execution of a {@code pool.create} task. The pool is created with the first batch's size and grown batch by
 * batch; the engine adds the VMs itself. After each batch the run waits until the new VMs are down with their
 * disks, starts as many of them as the pool should keep prestarted (the engine's own pool monitor would take
 * minutes), and waits until those are up with an address. A started VM without an address by the timeout is
 * powered off and started once more; one that still has none is named in the error log and the task ends
 * {@link TaskStatus#PARTIALLY_SUCCEEDED}.
 */
final class PoolCreateRun extends PoolRun {

    static final String PREFLIGHT = "preflight";
    static final String CREATE = "create-pool";
    static final String GRANT = "grant";

    private final PoolCreateRequest request;
    private final PoolServices services;
    private final PoolLimits limits;
    private final List<String> withoutAddress = new ArrayList<>();
    private Duration batchTimeThisRun = Duration.ZERO;
    private int batchVmsThisRun;

    PoolCreateRun(PoolCreateRequest request, TaskContext context, PoolServices services) {
        super(context, services);
        this.request = request;
        this.services = services;
        this.limits = services.limits();
    }

    static String start(int batch) {
        return "start-" + batch;
    }

    static String ready(int batch) {
        return "ready-" + batch;
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
        Set<String> known = new HashSet<>();
        for (int batch = 1; batch <= sizes.size(); batch++) {
            runBatch(batch, sizes, known);
        }
        if (plan.grants()) {
            run.step(GRANT, messages.format("pool.create.progress.grant", request.group(), request.role(), name),
                    () -> grant(plan));
        }
        return outcome(plan);
    }

    // ---- creating and growing ----

    private String create(PoolCreatePlan plan, int firstBatch) {
        PoolActions.NewPool spec = new PoolActions.NewPool(request.name(), request.description(), plan.clusterId(),
                plan.templateId(), plan.followLatest(), firstBatch, prestartedFor(firstBatch), request.maxPerUser(),
                request.type() == null ? null : request.type().keyword(), request.stateful());
        // The template is locked while any pool is being built from it: wait for it rather than fail.
        PoolActions.Created created = whileBusy(timings.createTimeout(),
                () -> actions.createOrReuse(site, spec, context.taskCode()));
        if (created.reused()) {
            log.deploy(messages.format("pool.create.log.reused", request.name(), created.pool().id()));
        } else {
            log.deploy(messages.format("pool.create.log.created", request.name(), created.pool().id(), firstBatch));
        }
        return created.pool().id();
    }

    /** The engine refuses more prestarted VMs than the pool has, so the count grows with the pool. */
    private int prestartedFor(int size) {
        return Math.min(request.prestarted() == null ? 0 : request.prestarted(), size);
    }

    private void runBatch(int batch, List<Integer> sizes, Set<String> known) {
        int batches = sizes.size();
        int size = sizes.get(batch - 1);
        int count = size - (batch == 1 ? 0 : sizes.get(batch - 2));
        boolean ranBefore = context.steps().result(ready(batch)).isPresent();
        lastGrowth = null;
        Instant started = clock.instant();
        if (batch > 1) {
            run.step(grow(batch), messages.format("pool.create.progress.grow", batch, batches, request.name(), size),
                    () -> growTo(batch, size, prestartedFor(size)));
        }
        List<String> created = PoolJournal.names(run.step(created(batch),
                messages.format("pool.create.progress.created", batch, batches, count),
                () -> awaitBatch(batch, size, known, count, prestartedFor(size))));
        created.forEach(token -> known.add(token.startsWith("!") ? token.substring(1) : token));
        stuck().addAll(PoolJournal.failed(created));
        List<String> verify = PoolJournal.names(run.step(start(batch),
                messages.format("pool.create.progress.start", batch, batches),
                () -> start(batch, size, PoolJournal.fine(created))));
        Map<String, String> outcomes = PoolJournal.outcomes(run.step(ready(batch),
                messages.format("pool.create.progress.ready", batch, batches, verify.size()),
                () -> ready(batch, verify)));
        List<String> failedHere = outcomes.entrySet().stream().filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey).toList();
        withoutAddress.addAll(failedHere);
        if (!ranBefore) {
            batchTimeThisRun = batchTimeThisRun.plus(Duration.between(started, clock.instant()));
            batchVmsThisRun += count;
            milestone(batch, batches, count, size, outcomes.size() - failedHere.size(), failedHere);
        }
    }

    /**
     * Starts the batch's VMs that the pool needs running to have its prestarted count; returns the VMs of the batch
     * that run now (those started here, and any the engine's pool monitor started), which are then watched.
     */
    private String start(int batch, int size, List<String> created) {
        int wanted = prestartedFor(size);
        // the wait that just ended saw the pool a moment ago; after a restart it is listed again
        PoolWaits.Growth seen = lastGrowth != null ? lastGrowth : listed();
        lastGrowth = null;
        Set<String> inBatch = new HashSet<>(created);
        List<VmInfo> candidates = seen.down().stream().filter(vm -> inBatch.contains(vm.name()))
                .sorted(Comparator.comparing(VmInfo::name, PoolJournal.NAME_ORDER)).toList();
        int toStart = Math.max(0, Math.min(candidates.size(), wanted - seen.running()));
        List<VmInfo> chosen = candidates.subList(0, toStart);
        List<String> startedNow = vmActions.startAll(site, chosen, correlationId(start(batch)));
        // the batch's VMs that run now: those started here, and any the engine's pool monitor started
        Set<String> stillDown = new HashSet<>();
        seen.down().forEach(vm -> stillDown.add(vm.name()));
        chosen.forEach(vm -> stillDown.remove(vm.name()));
        List<String> watch = new ArrayList<>(created.stream().filter(name -> !stillDown.contains(name)).toList());
        watch.sort(PoolJournal.NAME_ORDER);
        if (!watch.isEmpty()) {
            log.deploy(messages.format("pool.create.log.started", batch, startedNow.size(),
                    watch.size() - startedNow.size(), String.join(", ", watch)));
        }
        return PoolJournal.names(watch);
    }

    /** The pool as it is now, for a start step repeated after a restart. */
    private PoolWaits.Growth listed() {
        List<VmInfo> all = actions.vms(site, pool, false);
        List<VmInfo> down = all.stream().filter(vm -> "down".equals(vm.status())).toList();
        int running = (int) all.stream().filter(vm -> !"down".equals(vm.status())
                && !"image_locked".equals(vm.status())).count();
        return new PoolWaits.Growth(all.size(), running, down, List.of(), true);
    }

    /** Waits for the started VMs' addresses; powers off and starts once more those without one by the timeout. */
    private String ready(int batch, List<String> watch) {
        if (watch.isEmpty()) {
            return "";
        }
        Instant waitStart = clock.instant();
        PoolWaits.Readiness first = waits.ready(pool, watch, timings.readyTimeout(), pacing.expectedReady());
        first.ready().forEach((name, address) -> log.deploy(messages.format("pool.create.log.address", name,
                address)));
        Map<String, String> retried = new LinkedHashMap<>();
        if (first.complete()) {
            pacing.learnReady(Duration.between(waitStart, clock.instant()));
        } else {
            retry(batch, watch.stream().filter(n -> !first.ready().containsKey(n)).toList(), first, retried);
        }
        Map<String, String> outcome = new LinkedHashMap<>();
        watch.forEach(name -> outcome.put(name, first.ready().getOrDefault(name, retried.get(name))));
        return PoolJournal.outcomes(outcome);
    }

    private void retry(int batch, List<String> unready, PoolWaits.Readiness first, Map<String, String> outcome) {
        log.deploy(messages.format("pool.create.log.retry", String.join(", ", unready),
                Durations.format(timings.readyTimeout())));
        String correlation = correlationId("retry-" + batch);
        List<VmInfo> running = unready.stream().map(first.last()::get)
                .filter(vm -> vm != null && !"down".equals(vm.status())).toList();
        vmActions.stopAll(site, running, correlation);
        waits.down(pool, running.stream().map(VmInfo::name).toList());
        List<VmInfo> down = actions.vmsNamed(site, pool, unready, false).stream()
                .filter(vm -> "down".equals(vm.status())).toList();
        vmActions.startAll(site, down, correlation);
        PoolWaits.Readiness second = waits.ready(pool, unready, timings.readyTimeout(), null);
        for (String name : unready) {
            String address = second.ready().get(name);
            outcome.put(name, address);
            if (address != null) {
                log.deploy(messages.format("pool.create.log.address-after-retry", name, address));
            } else {
                VmInfo last = second.last().get(name);
                log.error(messages.format("pool.create.log.no-address", name,
                        last == null ? messages.format("pool.status.gone") : last.status(),
                        Durations.format(timings.readyTimeout())));
            }
        }
    }

    private void milestone(int batch, int batches, int count, int size, int withAddress, List<String> failed) {
        StringBuilder text = new StringBuilder(messages.format("pool.create.milestone.batch", batch, batches, count,
                size, request.size(), withAddress));
        if (!failed.isEmpty()) {
            text.append(' ').append(messages.format("pool.create.milestone.no-address", failed.size(),
                    String.join(", ", failed)));
        }
        int left = request.size() - size;
        if (left > 0 && batchVmsThisRun > 0) {
            Duration eta = batchTimeThisRun.multipliedBy(left).dividedBy(batchVmsThisRun);
            text.append(' ').append(messages.format("pool.create.milestone.eta", Durations.format(eta)));
        }
        context.progress().milestone(Reply.text(text.toString()));
    }

    private String grant(PoolCreatePlan plan) {
        String permissionId = actions.grant(site, pool.id(), plan.groupId(), plan.roleId(), correlationId(GRANT)).id();
        log.deploy(messages.format("pool.log.granted", request.group(), request.role(), request.name()));
        return permissionId;
    }

    @Override
    protected RuntimeException vanished() {
        pool = null;
        return run.fail(context.steps().result(created(1)).isPresent() ? "pool.vanished" : "pool.create.not-created",
                request.name(), site);
    }

    private TaskOutcome outcome(PoolCreatePlan plan) {
        List<VmInfo> vms = actions.vms(site, pool, true).stream()
                .sorted(Comparator.comparing(VmInfo::name, PoolJournal.NAME_ORDER)).toList();
        return new PoolCreateResult(request, site, messages, inventory)
                .outcome(plan, vms, withoutAddress, stuck(), this::appendStepsAndLogs);
    }
}
