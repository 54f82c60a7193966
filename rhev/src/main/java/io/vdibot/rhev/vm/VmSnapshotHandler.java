package io.vdibot.rhev.vm;

import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.vm.VmSnapshotRequest;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.SnapshotInfo;
import io.vdibot.rhev.inventory.VmInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vm.snapshot}: a snapshot of one VM, waited for until the engine has it. Steps: {@code preflight} (engine
 * reachable, the VM known, one of that name, in no pool, in a status the engine takes snapshots in, no other
 * snapshot operation under way, a description the engine accepts), {@code create-snapshot} (sent once per
 * correlation id), {@code wait-snapshot} (until {@code ok}).
 */
public final class VmSnapshotHandler implements TaskHandler<VmSnapshotRequest> {

    private final SnapshotServices services;

    public VmSnapshotHandler(InventoryCache inventory, VmSnapshotTimings timings, Clock clock, Sleeper sleeper) {
        this.services = SnapshotServices.of(inventory, timings, clock, sleeper);
    }

    public VmSnapshotHandler(InventoryCache inventory) {
        this(inventory, VmSnapshotTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    public Class<VmSnapshotRequest> requestType() {
        return VmSnapshotRequest.class;
    }

    /**
     * The description, what the cached VM list says, and the VM's snapshots as the engine lists them now (one
     * call): a snapshot being taken is in no cache.
     */
    @Override
    public List<Violation> validate(VmSnapshotRequest request, String site) {
        InventoryCache inventory = services.inventory();
        List<VmInfo> named = VmTarget.named(inventory, site, request.name());
        List<Violation> target = VmTarget.check(inventory, named, request.name(), site, "vm.snapshot.in-pool");
        if (!target.isEmpty()) {
            List<Violation> violations = new ArrayList<>();
            SnapshotRules.descriptionProblem(SnapshotRules.description(request)).ifPresent(violations::add);
            violations.addAll(target);
            return violations;
        }
        VmInfo vm = named.get(0);
        // a locked VM needs no look at its snapshots to be refused
        List<SnapshotInfo> snapshots = SnapshotRules.statusProblem(vm).isPresent() ? List.of()
                : services.snapshots().of(site, vm.id());
        return check(request, vm, snapshots);
    }

    @Override
    public TaskOutcome execute(VmSnapshotRequest request, TaskContext context) {
        return new VmSnapshotRun(request, context, services).execute();
    }

    /** The checks past the VM itself: the description, the VM's status and a snapshot operation under way. */
    static List<Violation> check(VmSnapshotRequest request, VmInfo vm, List<SnapshotInfo> snapshots) {
        List<Violation> violations = new ArrayList<>();
        SnapshotRules.descriptionProblem(SnapshotRules.description(request)).ifPresent(violations::add);
        SnapshotRules.statusProblem(vm).ifPresent(violations::add);
        SnapshotRules.busy(vm.name(), snapshots).ifPresent(violations::add);
        return violations;
    }
}
