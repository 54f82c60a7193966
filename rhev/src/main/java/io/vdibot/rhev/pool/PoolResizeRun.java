package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.commands.i18n.Durations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One execution of a {@code pool.resize} task. Growing asks the engine for the new total in batches of the configured
 * size and verifies each batch's VMs as {@code pool.create} does ({@link PoolBatches}), after checking that the
 * cluster has the memory for those the pool will start. The engine refuses to shrink a pool, so shrinking removes
 * VMs itself: only VMs that are down and handed to nobody, the highest-numbered first, each detached from the pool
 * and then deleted. When the pool has too few such VMs the task is refused at its check and changes nothing.
 */
final class PoolResizeRun extends PoolRun {

    static final String PREFLIGHT = "preflight";
    static final String REMOVE = "remove-vms";
    private static final int PROGRESS_NAMES = 5;

    private final PoolResizeRequest request;
    private final PoolLimits limits;
    private final PoolCapacityCheck capacity;

    PoolResizeRun(PoolResizeRequest request, TaskContext context, PoolServices services) {
        super(context, services);
        this.request = request;
        this.limits = services.limits();
        this.capacity = services.capacity();
    }

    TaskOutcome execute() {
        return changingInventory(this::runSteps, () -> null);
    }

    private TaskOutcome runSteps() {
        PoolResizePlan plan = PoolResizePlan.parse(run.step(PREFLIGHT, messages.format(
                "pool.resize.progress.preflight", request.name(), site, request.size()),
                () -> preflight().journal()));
        pool = poolById(request.name(), plan.poolId());
        int before = plan.before().size();
        if (request.size() > before) {
            return grow(plan);
        }
        if (request.size() < before) {
            return shrink(plan);
        }
        return outcome(plan, TaskStatus.SUCCEEDED, List.of(messages.format("pool.resize.result.unchanged",
                request.name(), before)), List.of(), List.of());
    }

    @Override
    protected RuntimeException vanished() {
        pool = null;
        return run.fail("pool.vanished", request.name(), site);
    }

    private PoolResizePlan preflight() {
        checkEngine();
        if (request.size() > limits.poolSizeMax()) {
            throw run.fail("pool.limit.size", request.size(), limits.poolSizeMax());
        }
        PoolInfo found = requirePool(request.name());
        List<VmInfo> vms = sorted(actions.vms(site, found, false, true));
        List<String> names = vms.stream().map(VmInfo::name).toList();
        List<PoolResizePlan.VmRef> remove = new ArrayList<>();
        if (request.size() > vms.size()) {
            run.refuse(PoolNameMask.room(request.name(), found.id(), request.size(),
                    actions.queries().vms(site, null, false, false), site));
            checkCapacity(found, vms);
        } else if (request.size() < vms.size()) {
            PoolShrink shrink = PoolShrink.of(request.name(), vms, request.size());
            if (!shrink.possible()) {
                throw run.fail("pool.resize.shrink-refused", shrink.refusal());
            }
            shrink.chosen().forEach(vm -> remove.add(new PoolResizePlan.VmRef(vm.id(), vm.name())));
        }
        log.deploy(Text.of("pool.resize.log.preflight", request.name(), vms.size(), request.size()), messages);
        return new PoolResizePlan(found.id(), names, remove);
    }

    // ---- growing ----

    /** The grow's capacity check, when the cache knows the pool's template and cluster (it reloads once if not). */
    private void checkCapacity(PoolInfo found, List<VmInfo> vms) {
        Optional<TemplateInfo> template = inventory.findOrRefresh(site,
                () -> inventory.templateById(site, found.templateId()));
        Optional<ClusterInfo> cluster = inventory.findOrRefresh(site,
                () -> inventory.clusterById(site, found.clusterId()));
        if (template.isPresent() && cluster.isPresent()) {
            int toStart = PoolCapacityCheck.startedByGrowing(found, vms, request.size());
            capacity.atPreflight(capacity.live(site, cluster.get(), toStart, template.get()), request.name(), site,
                    run, context);
        }
    }

    /**
     * Grows in batches of the configured size, each verified as a new pool's are: the VMs the pool needs for its
     * prestarted count started and up with an address, the others down and healthy.
     */
    private TaskOutcome grow(PoolResizePlan plan) {
        int from = plan.before().size();
        List<Integer> sizes = new PoolBatchPlan(from, request.size(), limits.batchSizeMax()).sizes();
        PoolBatches batches = new PoolBatches(this, "pool.resize", request.name(), request.size(), plan.before(),
                true);
        for (int batch = 1; batch <= sizes.size(); batch++) {
            batches.run(new PoolBatches.Batch(batch, sizes.size(), batch == 1 ? from : sizes.get(batch - 2),
                    sizes.get(batch - 1), true, null, pool.prestarted()));
        }
        List<VmInfo> vms = sorted(actions.vms(site, pool, true));
        List<VmInfo> added = vms.stream().filter(vm -> !plan.before().contains(vm.name())).toList();
        List<String> texts = new ArrayList<>();
        boolean partial = vms.size() < request.size() || !stuck().isEmpty();
        if (partial) {
            texts.add(messages.format("pool.resize.result.grown-short", Math.max(0, request.size() - vms.size()),
                    stuck().size(), String.join(", ", stuck())));
        }
        if (!batches.withoutAddress().isEmpty()) {
            texts.add(messages.format("pool.create.result.no-address", batches.withoutAddress().size(),
                    String.join(", ", batches.withoutAddress())));
        }
        if (!batches.unhealthy().isEmpty()) {
            texts.add(messages.format("pool.batch.result.unhealthy", batches.unhealthy().size(),
                    String.join(", ", batches.unhealthy())));
        }
        // last, as it introduces the table of the new VMs
        texts.add(messages.format("pool.resize.result.grown", request.name(), from, vms.size(), added.size()));
        partial |= !batches.withoutAddress().isEmpty() || !batches.unhealthy().isEmpty();
        return outcome(plan, partial ? TaskStatus.PARTIALLY_SUCCEEDED : TaskStatus.SUCCEEDED, texts,
                PoolResultTable.headers(messages), PoolResultTable.rows(added, messages));
    }

    // ---- shrinking ----

    private TaskOutcome shrink(PoolResizePlan plan) {
        String journal = run.step(REMOVE, messages.format("pool.resize.progress.remove", plan.remove().size(),
                request.name(), firstNames(plan.removeNames())), () -> remove(plan));
        List<String> tokens = PoolJournal.names(journal);
        List<String> kept = PoolJournal.failed(tokens);
        List<String> removed = PoolJournal.fine(tokens);
        int now = actions.vms(site, pool, false).size();
        if (!kept.isEmpty()) {
            throw run.fail("pool.resize.shrink-incomplete", request.name(), removed.isEmpty() ? "-"
                    : String.join(", ", removed), String.join(", ", kept), now);
        }
        // how many: the table below names them, once
        String text = messages.format("pool.resize.result.shrunk", request.name(), plan.before().size(), now,
                removed.size());
        List<List<String>> rows = removed.stream().map(name -> List.of(name, messages.format("pool.resize.removed")))
                .toList();
        return outcome(plan, TaskStatus.SUCCEEDED, List.of(text), List.of(messages.format("pool.field.vm"),
                messages.format("pool.field.status")), rows);
    }

    /**
     * Detaches and deletes each planned VM. Safe to repeat: a VM already detached is only deleted, one already gone
     * is counted as removed. A VM that was started or handed out since the check is left alone and reported.
     */
    private String remove(PoolResizePlan plan) {
        String correlation = correlationId(REMOVE);
        Map<String, VmInfo> current = actions.vmsNamed(site, null, plan.removeNames(), false).stream()
                .collect(Collectors.toMap(VmInfo::id, Function.identity(), (a, b) -> a));
        Map<String, VmInfo> inPool = actions.vms(site, pool, false, true).stream()
                .collect(Collectors.toMap(VmInfo::id, Function.identity()));
        List<String> tokens = new ArrayList<>();
        List<VmInfo> deleted = new ArrayList<>();
        for (PoolResizePlan.VmRef ref : plan.remove()) {
            VmInfo vm = current.get(ref.id());
            if (vm == null) {
                tokens.add(ref.name());
                continue;
            }
            VmInfo member = inPool.get(ref.id());
            if (member != null && !PoolShrink.free(member)) {
                log.error(Text.of("pool.resize.log.in-use", ref.name(), EngineTerm.VM_STATUS.of(member.status())),
                        messages);
                tokens.add("!" + ref.name());
                continue;
            }
            if (member != null) {
                vmActions.detach(site, ref.id(), correlation);
            }
            try {
                vmActions.deleteVm(site, ref.id(), correlation);
            } catch (EngineException e) {
                if (!PoolActions.isGone(e)) {
                    throw e;
                }
            }
            log.deploy(Text.of("pool.resize.log.removed", ref.name(), request.name()), messages);
            tokens.add(ref.name());
            deleted.add(vm);
        }
        List<String> left = waits.vmsGone(deleted);
        if (!left.isEmpty()) {
            throw run.fail("pool.resize.remove-timeout", String.join(", ", left),
                    Durations.format(timings.removeTimeout()));
        }
        return PoolJournal.names(tokens);
    }

    /** The names a progress line shows: a few, then how many more, so the status of a large shrink stays a line. */
    private String firstNames(List<String> names) {
        if (names.size() <= PROGRESS_NAMES) {
            return String.join(", ", names);
        }
        return messages.format("pool.names.and-more", String.join(", ", names.subList(0, PROGRESS_NAMES)),
                names.size() - PROGRESS_NAMES);
    }

    // ---- the result ----

    private TaskOutcome outcome(PoolResizePlan plan, TaskStatus status, List<String> texts, List<String> headers,
            List<List<String>> rows) {
        int now = actions.vms(site, pool, false).size();
        Reply.Builder reply = Reply.builder()
                .tone(status == TaskStatus.SUCCEEDED ? Reply.Tone.SUCCESS : Reply.Tone.WARNING)
                .heading(messages.format("pool.resize.result.title", request.name(), now))
                .fields(List.of(new Field(messages.format("pool.field.pool"), request.name()),
                        new Field(messages.format("pool.field.site"), site),
                        new Field(messages.format("pool.field.vms-before"), Integer.toString(plan.before().size())),
                        new Field(messages.format("pool.field.vms-now"), Integer.toString(now))));
        texts.forEach(reply::text);
        if (!rows.isEmpty()) {
            reply.table(headers, rows);
        }
        appendStepsAndLogs(reply);
        return TaskOutcome.of(status, Text.of("pool.resize.summary", request.name(), site,
                plan.before().size(), now), messages, reply.build());
    }

    private static List<VmInfo> sorted(List<VmInfo> vms) {
        return vms.stream().sorted(Comparator.comparing(VmInfo::name, PoolJournal.NAME_ORDER)).toList();
    }
}
