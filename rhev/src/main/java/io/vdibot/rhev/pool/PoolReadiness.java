package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.commands.i18n.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ready-N} step of a batch: the started VMs up with an IPv4 address. A VM without one by the timeout is
 * powered off and started once more (one that went down is only started); one that still has none is named in the
 * error log. The first batch teaches the later ones how long the VMs take.
 */
final class PoolReadiness {

    private final PoolRun owner;

    PoolReadiness(PoolRun owner) {
        this.owner = owner;
    }

    /** Waits for the started VMs' addresses; returns the journal of each VM's address, or of its failure. */
    String ready(int batch, List<String> watch) {
        Instant waitStart = owner.clock.instant();
        PoolWaits.Readiness first = owner.waits.ready(owner.pool, watch, owner.timings.readyTimeout(),
                owner.pacing.expectedReady());
        first.ready().forEach((name, address) -> owner.log.deploy(Text.of("pool.create.log.address",
                name, address), owner.messages));
        Map<String, String> retried = new LinkedHashMap<>();
        if (first.complete()) {
            owner.pacing.learnReady(Duration.between(waitStart, owner.clock.instant()));
        } else {
            retry(batch, watch.stream().filter(n -> !first.ready().containsKey(n)).toList(), first, retried);
        }
        Map<String, String> outcome = new LinkedHashMap<>();
        watch.forEach(name -> outcome.put(name, first.ready().getOrDefault(name, retried.get(name))));
        return PoolJournal.outcomes(outcome);
    }

    private void retry(int batch, List<String> unready, PoolWaits.Readiness first, Map<String, String> outcome) {
        Duration timeout = owner.timings.readyTimeout();
        owner.log.deploy(Text.of("pool.create.log.retry", String.join(", ", unready),
                Durations.format(timeout)), owner.messages);
        String correlation = owner.correlationId("retry-" + batch);
        List<VmInfo> running = unready.stream().map(first.last()::get)
                .filter(vm -> vm != null && !"down".equals(vm.status())).toList();
        owner.vmActions.stopAll(owner.site, running, correlation);
        owner.waits.down(owner.pool, running.stream().map(VmInfo::name).toList());
        List<VmInfo> down = owner.actions.vmsNamed(owner.site, owner.pool, unready, false).stream()
                .filter(vm -> "down".equals(vm.status())).toList();
        owner.vmActions.startAll(owner.site, down, correlation);
        PoolWaits.Readiness second = owner.waits.ready(owner.pool, unready, timeout, null);
        for (String name : unready) {
            String address = second.ready().get(name);
            outcome.put(name, address);
            if (address != null) {
                owner.log.deploy(Text.of("pool.create.log.address-after-retry", name, address), owner.messages);
            } else {
                VmInfo last = second.last().get(name);
                owner.log.error(Text.of("pool.create.log.no-address", name,
                        last == null ? Text.of("pool.status.gone") : EngineTerm.VM_STATUS.of(last.status()),
                        Durations.format(timeout)), owner.messages);
            }
        }
    }
}
