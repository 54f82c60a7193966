package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.SnapshotEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.Map;

/**
 * {@code POST /vms/{id}/snapshots/{sid}/restore} as the engine's REST layer runs it: TryBackToAllSnapshotsOfVm
 * (the preview; the REST call waits for its job, so its start and end events are both written before the answer),
 * then RestoreAllSnapshots with commit. The commit leaves the VM {@code image_locked} and the snapshot
 * {@code locked} while the volumes of the discarded state are dropped; then the VM is down with the snapshot's
 * configuration and a new "Active VM" snapshot. Snapshots taken after the restored one stay, as on the engine.
 */
final class SnapshotRestore {

    static final String SNAPSHOT_RESTORED = "snapshot.restored";
    /** The preview's validation messages name this action. */
    private static final String ACTION = "preview";

    private final Engine engine;
    private final SnapshotOperations snapshots;

    SnapshotRestore(Engine engine, SnapshotOperations snapshots) {
        this.engine = engine;
        this.snapshots = snapshots;
        engine.onDue(SNAPSHOT_RESTORED, this::restored);
    }

    /** @return the preview's job, which the action's answer links */
    JobEntity restore(Call call, VmEntity vm, String snapshotId) {
        String type = SnapshotOperations.TYPE;
        if (!vm.isDown()) {
            throw EngineFault.conflict(EngineMessages.vmNotDown(ACTION, type));
        }
        if (SnapshotOperations.activeId(vm).equals(snapshotId)) {
            // inferred: the engine offers no preview of the VM's own current state
            throw EngineFault.conflict(EngineMessages.snapshotNotRegular(ACTION, type));
        }
        SnapshotEntity snapshot = SnapshotOperations.stored(vm, snapshotId).orElseThrow(
                () -> EngineFault.badRequest(EngineMessages.snapshotDoesNotExist(ACTION, type)));
        snapshots.refuseWhileBusy(vm, ACTION);

        JobEntity preview = engine.startJob("Preview VM Snapshot " + snapshot.description + " of VM " + vm.name,
                call.correlationId());
        engine.event(46, "normal", "Snapshot-Preview " + snapshot.description + " for VM " + vm.name
                + " was initiated by " + call.userName() + ".", call.correlationId(), e -> e.vmId = vm.id);
        engine.event(71, "normal", "Snapshot-Preview " + snapshot.description + " for VM " + vm.name
                + " has been completed.", call.correlationId(), e -> e.vmId = vm.id);
        engine.endJob(preview.id, true);

        JobEntity commit = engine.startJob("Restoring VM Snapshot " + snapshot.description + " of VM " + vm.name,
                call.correlationId());
        engine.event(94, "normal", "Committing a Snapshot-Preview for VM " + vm.name + " was initialized by "
                + call.userName() + ".", call.correlationId(), e -> e.vmId = vm.id);
        vm.status = "image_locked";
        snapshot.status = "locked";
        snapshots.setDisks(vm, "locked");
        Map<String, String> args = call.jobArgs(commit);
        args.put("vm", vm.id);
        engine.schedule(engine.timing().snapshotRestore(), SNAPSHOT_RESTORED, snapshot.id, args);
        return preview;
    }

    private void restored(PendingChange change) {
        snapshots.find(change).ifPresent(found -> {
            VmEntity vm = found.vm();
            SnapshotEntity snapshot = found.snapshot();
            snapshot.applyTo(vm);
            vm.activeSnapshotId = engine.newId();
            vm.activeSnapshotDate = engine.now();
            snapshot.status = "ok";
            snapshots.setDisks(vm, "ok");
            if ("image_locked".equals(vm.status)) {
                vm.status = "down";
            }
            engine.event(95, "normal", "Committing a Snapshot-Preview for VM " + vm.name + " has been completed.",
                    change.args.get("correlation"), e -> e.vmId = vm.id);
            engine.endJob(change.args.get("job"), true);
        });
    }
}
