package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.reply.Reply;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.commands.i18n.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The batches in which a pool grows, for {@code pool.create} and the growing {@code pool.resize} alike. Each batch
 * is journaled steps: {@code grow-N} (the engine asked for the new total), {@code created-N} (the new VMs down with
 * their disks), {@code start-N} (as many started as the pool needs for its prestarted VMs, when it keeps any),
 * {@code ready-N} (those up with an IPv4 address, see {@link PoolReadiness}) and {@code healthy-N} (the VMs left
 * down are down with legal disks, in one look). What each batch came to is tallied over the whole pool, batches
 * done before a restart included, for the milestone after each batch and for the result.
 */
final class PoolBatches {

    private final PoolRun owner;
    private final String family;
    private final String poolName;
    private final int total;
    private final boolean inUse;
    private final PoolReadiness readiness;
    private final Set<String> known = new HashSet<>();
    private final List<String> withoutAddress = new ArrayList<>();
    private final List<String> unhealthy = new ArrayList<>();
    private int keptDown;
    /** Started VMs up with an address, over every batch so far: milestones give counts for the whole pool. */
    private int upWithAddress;
    private int healthy;
    private Duration batchTimeThisRun = Duration.ZERO;
    private int batchVmsThisRun;

    /**
     * @param family   the prefix of the grow and created progress texts ({@code pool.create}, {@code pool.resize})
     * @param total    the pool's size once every batch is done
     * @param before   the VMs the pool has before the first batch
     * @param inUse    the pool may have VMs handed to users, which do not count as prestarted: the start step then
     *                 reads the pool with its grants
     */
    PoolBatches(PoolRun owner, String family, String poolName, int total, List<String> before, boolean inUse) {
        this.owner = owner;
        this.family = family;
        this.poolName = poolName;
        this.total = total;
        this.inUse = inUse;
        this.readiness = new PoolReadiness(owner);
        known.addAll(before);
    }

    static String start(int batch) {
        return "start-" + batch;
    }

    static String ready(int batch) {
        return "ready-" + batch;
    }

    static String healthy(int batch) {
        return "healthy-" + batch;
    }

    /** One batch, from {@code from} VMs to {@code size}. */
    record Batch(int number, int of, int from, int size, boolean grow, Integer enginePrestarted, int prestarted) {

        int count() {
            return size - from;
        }
    }

    void run(Batch b) {
        Instant started = owner.clock.instant();
        boolean[] ranNow = {false};
        owner.lastGrowth = null;
        if (b.grow()) {
            step(ranNow, PoolRun.grow(b.number()), owner.messages.format(family + ".progress.grow", b.number(),
                    b.of(), poolName, b.size()), () -> owner.growTo(b.number(), b.size(), b.enginePrestarted()));
        }
        List<String> created = PoolJournal.names(step(ranNow, PoolRun.created(b.number()), owner.messages.format(
                family + ".progress.created", b.number(), b.of(), b.count()),
                () -> owner.awaitBatch(b.number(), b.size(), known, b.count(), b.enginePrestarted())));
        created.forEach(token -> known.add(token.startsWith("!") ? token.substring(1) : token));
        owner.stuck().addAll(PoolJournal.failed(created));
        List<String> fine = PoolJournal.fine(created);
        List<String> watch = b.prestarted() <= 0 ? List.of() : PoolJournal.names(step(ranNow, start(b.number()),
                owner.messages.format("pool.create.progress.start", b.number(), b.of()),
                () -> start(b.number(), b.prestarted(), fine)));
        Map<String, String> outcomes = watch.isEmpty() ? Map.of() : PoolJournal.outcomes(step(ranNow,
                ready(b.number()), owner.messages.format("pool.create.progress.ready", b.number(), b.of(),
                        watch.size()), () -> readiness.ready(b.number(), watch)));
        List<String> failedHere = outcomes.entrySet().stream().filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey).toList();
        withoutAddress.addAll(failedHere);
        List<String> down = fine.stream().filter(name -> !watch.contains(name)).toList();
        List<String> checked = down.isEmpty() ? List.of() : PoolJournal.names(step(ranNow, healthy(b.number()),
                owner.messages.format("pool.batch.progress.healthy", b.number(), b.of(), down.size()),
                () -> healthy(b.number(), down)));
        List<String> sick = PoolJournal.failed(checked);
        unhealthy.addAll(sick);
        keptDown += b.count() - watch.size();
        healthy += checked.size() - sick.size();
        upWithAddress += outcomes.size() - failedHere.size();
        if (ranNow[0]) {
            batchTimeThisRun = batchTimeThisRun.plus(Duration.between(started, owner.clock.instant()));
            batchVmsThisRun += b.count();
            milestone(b, b.count() - watch.size(), failedHere, sick);
        }
    }

    /** Runs a step and notes whether it ran in this run (a step completed before a restart only returns its result). */
    private String step(boolean[] ranNow, String step, String progress, Supplier<String> action) {
        ranNow[0] |= owner.context.steps().result(step).isEmpty();
        return owner.run.step(step, progress, action);
    }

    /**
     * Starts the batch's VMs that the pool needs running to have {@code wanted} prestarted VMs; returns the VMs of
     * the batch that run now (those started here, and any the engine's pool monitor started), which are then
     * watched. A VM with illegal disks is not started: the engine would refuse it, and the health check names it.
     */
    private String start(int batch, int wanted, List<String> created) {
        // the wait that just ended saw the pool a moment ago (a new pool has no users); otherwise it is listed
        PoolWaits.Growth seen = !inUse && owner.lastGrowth != null ? owner.lastGrowth : listed();
        owner.lastGrowth = null;
        Set<String> inBatch = new HashSet<>(created);
        List<VmInfo> candidates = seen.down().stream().filter(vm -> inBatch.contains(vm.name()))
                .filter(PoolVmStates::startable)
                .sorted(Comparator.comparing(VmInfo::name, PoolJournal.NAME_ORDER)).toList();
        List<VmInfo> chosen = candidates.subList(0, PoolVmStates.toStart(wanted, seen.running(), candidates.size()));
        List<String> startedNow = owner.vmActions.startAll(owner.site, chosen, owner.correlationId(start(batch)));
        Set<String> stillDown = new HashSet<>();
        seen.down().forEach(vm -> stillDown.add(vm.name()));
        chosen.forEach(vm -> stillDown.remove(vm.name()));
        List<String> watch = new ArrayList<>(created.stream().filter(name -> !stillDown.contains(name)).toList());
        watch.sort(PoolJournal.NAME_ORDER);
        if (!watch.isEmpty()) {
            owner.log.deploy(Text.of("pool.create.log.started", batch, startedNow.size(),
                    watch.size() - startedNow.size(), String.join(", ", watch)), owner.messages);
        }
        return PoolJournal.names(watch);
    }

    /** The pool as it is now; {@code running} counts its prestarted VMs (running and handed to nobody). */
    private PoolWaits.Growth listed() {
        List<VmInfo> all = owner.actions.vms(owner.site, owner.pool, false, inUse);
        List<VmInfo> down = all.stream().filter(vm -> "down".equals(vm.status())).toList();
        return new PoolWaits.Growth(all.size(), PoolVmStates.prestarted(all), down, List.of(), true);
    }

    /** One look at the VMs left down: each down (or started by the engine since) with legal disks. */
    private String healthy(int batch, List<String> down) {
        Map<String, VmInfo> seen = new HashMap<>();
        owner.actions.vmsNamed(owner.site, owner.pool, down, false).forEach(vm -> seen.put(vm.name(), vm));
        List<String> tokens = new ArrayList<>();
        for (String name : down) {
            String problem = PoolVmStates.problem(seen.get(name), owner.messages);
            if (problem != null) {
                owner.log.error(Text.of("pool.log.unhealthy", name, problem), owner.messages);
            }
            tokens.add(problem == null ? name : "!" + name);
        }
        long fine = tokens.stream().filter(t -> !t.startsWith("!")).count();
        owner.log.deploy(Text.of("pool.log.healthy", batch, fine, down.size()), owner.messages);
        return PoolJournal.names(tokens);
    }

    private void milestone(Batch b, int keptDownHere, List<String> failed, List<String> sick) {
        String text;
        if (keptDownHere == 0) {
            text = owner.messages.format("pool.create.milestone.batch", b.number(), b.of(), b.count(), b.size(),
                    total, upWithAddress);
        } else if (b.prestarted() <= 0) {
            text = owner.messages.format("pool.batch.milestone.healthy", b.number(), b.of(), b.count(), b.size(),
                    total, healthy, keptDown, b.prestarted());
        } else {
            text = owner.messages.format("pool.batch.milestone.mixed", b.number(), b.of(), b.count(), b.size(),
                    total, upWithAddress, healthy, keptDown, b.prestarted());
        }
        StringBuilder line = new StringBuilder(text);
        if (!failed.isEmpty()) {
            line.append(' ').append(owner.messages.format("pool.create.milestone.no-address", failed.size(),
                    String.join(", ", failed)));
        }
        if (!sick.isEmpty()) {
            line.append(' ').append(owner.messages.format("pool.batch.milestone.unhealthy", sick.size(),
                    String.join(", ", sick)));
        }
        int left = total - b.size();
        if (left > 0 && batchVmsThisRun > 0) {
            Duration eta = batchTimeThisRun.multipliedBy(left).dividedBy(batchVmsThisRun);
            line.append(' ').append(owner.messages.format("pool.create.milestone.eta", Durations.format(eta)));
        }
        owner.context.progress().milestone(Reply.text(line.toString()));
    }

    /** Started VMs without an address after their retry. */
    List<String> withoutAddress() {
        return List.copyOf(withoutAddress);
    }

    /** VMs left down that are not healthy (illegal disks, an odd status, gone). */
    List<String> unhealthy() {
        return List.copyOf(unhealthy);
    }

    /** VMs the batches were to leave down: those the pool did not need running. */
    int keptDown() {
        return keptDown;
    }

    /** Of {@link #keptDown()}, those found created and healthy. */
    int healthy() {
        return healthy;
    }
}
