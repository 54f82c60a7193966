package io.vdibot.rhev.vm;

import io.vdibot.commands.vm.VmCreateRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskExecutor;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * {@code vm.create}: a VM from a template, started, with its IP address. Steps: {@code preflight} (engine
 * reachable, template usable, cluster known, name free), {@code create-vm}, {@code wait-created},
 * {@code start-vm}, {@code wait-up}, {@code wait-ip}. Every step is journaled and safe to repeat, so a task
 * resumed after a crash picks up the VM it already created.
 */
public final class VmCreateExecutor implements TaskExecutor {

    private final InventoryCache inventory;
    private final VmActions vms;
    private final VmCreateTimings timings;
    private final Clock clock;
    private final Poller poller;

    public VmCreateExecutor(InventoryCache inventory, VmCreateTimings timings, Clock clock, Sleeper sleeper) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.vms = new VmActions(inventory.queries());
        this.timings = Objects.requireNonNull(timings, "timings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = new Poller(clock, sleeper);
    }

    public VmCreateExecutor(InventoryCache inventory) {
        this(inventory, VmCreateTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    public Set<String> commandIds() {
        return Set.of(VmCreateRequest.COMMAND_ID);
    }

    @Override
    public TaskOutcome execute(TaskContext context) {
        if (!(context.request() instanceof VmCreateRequest)) {
            throw new IllegalArgumentException("vm.create cannot run " + context.request().commandId());
        }
        return new VmCreateRun(context, inventory, vms, timings, clock, poller).execute();
    }
}
