package io.vdibot.rhev.vm;

import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.vm.VmRestoreRequest;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.SnapshotInfo;
import io.vdibot.rhev.inventory.VmInfo;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code vm.restore}: a VM put back to one of its snapshots. The engine restores only a VM that is down, so the
 * task powers a running VM off first and starts it again afterwards (or as {@code start=} says). Steps:
 * {@code preflight} (the VM known, one of that name, in no pool, not locked; the snapshot found by id or by a
 * description only one snapshot has, not the active one; no snapshot operation under way), {@code stop-vm},
 * {@code wait-down}, {@code restore} (sent once per correlation id), {@code wait-restored}, then
 * {@code start-vm} and {@code wait-up} when the VM is to run.
 */
public final class VmRestoreHandler implements TaskHandler<VmRestoreRequest> {

    private final SnapshotServices services;

    public VmRestoreHandler(InventoryCache inventory, VmSnapshotTimings timings, Clock clock, Sleeper sleeper) {
        this.services = SnapshotServices.of(inventory, timings, clock, sleeper);
    }

    public VmRestoreHandler(InventoryCache inventory) {
        this(inventory, VmSnapshotTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    public Class<VmRestoreRequest> requestType() {
        return VmRestoreRequest.class;
    }

    /** The cached VM list, then the VM's snapshots as the engine lists them now (one call). */
    @Override
    public List<Violation> validate(VmRestoreRequest request, String site) {
        InventoryCache inventory = services.inventory();
        List<VmInfo> named = VmTarget.named(inventory, site, request.name());
        List<Violation> target = VmTarget.check(inventory, named, request.name(), site, "vm.restore.in-pool");
        if (!target.isEmpty()) {
            return target;
        }
        VmInfo vm = named.get(0);
        if ("image_locked".equals(vm.status())) {
            return List.of(Violation.of("name", "vm.snapshot.vm-locked", vm.name()));
        }
        return choose(request, vm, services.snapshots().of(site, vm.id())).refusal()
                .map(List::of).orElse(List.of());
    }

    @Override
    public TaskOutcome execute(VmRestoreRequest request, TaskContext context) {
        return new VmRestoreRun(request, context, services).execute();
    }

    /** The snapshot to restore, or why there is none: the checks of {@link #validate} past the VM itself. */
    static Chosen choose(VmRestoreRequest request, VmInfo vm, List<SnapshotInfo> snapshots) {
        SnapshotChoice.Result result = SnapshotChoice.among(snapshots, request.snapshot(), vm.name());
        if (result.refusal() != null) {
            return new Chosen(null, Optional.of(result.refusal()));
        }
        return new Chosen(result.snapshot(), SnapshotRules.busy(vm.name(), snapshots));
    }

    /** @param refusal present when the snapshot cannot be restored now */
    record Chosen(SnapshotInfo snapshot, Optional<Violation> refusal) {
    }
}
