package io.vdibot.rhev.vm;

import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.vm.VmDeleteRequest;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * {@code vm.delete}: a VM stopped if it runs, then removed with its disks. Steps: {@code preflight} (engine
 * reachable, the VM known and in no pool), {@code stop-vm}, {@code wait-down}, {@code remove-vm},
 * {@code wait-gone}. Every step is journaled and safe to repeat: a VM found gone by a resumed task was deleted.
 */
public final class VmDeleteHandler implements TaskHandler<VmDeleteRequest> {

    private final InventoryCache inventory;
    private final VmActions vms;
    private final VmDeleteTimings timings;
    private final Clock clock;
    private final Poller poller;

    public VmDeleteHandler(InventoryCache inventory, VmDeleteTimings timings, Clock clock, Sleeper sleeper) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.vms = new VmActions(inventory.queries());
        this.timings = Objects.requireNonNull(timings, "timings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = new Poller(clock, sleeper);
    }

    public VmDeleteHandler(InventoryCache inventory) {
        this(inventory, VmDeleteTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    public Class<VmDeleteRequest> requestType() {
        return VmDeleteRequest.class;
    }

    /** The VM exists at the site and belongs to no pool; a VM created moments ago is looked for again. */
    @Override
    public List<Violation> validate(VmDeleteRequest request, String site) {
        List<VmInfo> named = inventory.vmsNamed(site, request.name());
        if (named.isEmpty()) {
            inventory.refresh(site);
            named = inventory.vmsNamed(site, request.name());
        }
        return check(named, request.name(), site, inventory.pools(site));
    }

    @Override
    public TaskOutcome execute(VmDeleteRequest request, TaskContext context) {
        return new VmDeleteRun(request, context, inventory, vms, timings, clock, poller).execute();
    }

    /**
     * What stands in the way of deleting the VMs named {@code name}: none there, several (names are unique per data
     * center only, and the bot does not guess), or a pool VM, which the pool would only replace.
     */
    static List<Violation> check(List<VmInfo> named, String name, String site, List<PoolInfo> pools) {
        if (named.isEmpty()) {
            return List.of(Violation.of("name", "validate.vm-unknown", name, site));
        }
        if (named.size() > 1) {
            return List.of(Violation.of("name", "vm.delete.ambiguous", named.size(), name, site));
        }
        String poolId = named.get(0).poolId();
        if (poolId == null) {
            return List.of();
        }
        String pool = pools.stream().filter(p -> poolId.equals(p.id())).map(PoolInfo::name).findFirst()
                .orElse(poolId);
        return List.of(Violation.of("name", "vm.delete.in-pool", name, pool));
    }
}
