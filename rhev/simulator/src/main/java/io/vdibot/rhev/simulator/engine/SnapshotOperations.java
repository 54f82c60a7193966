package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.SnapshotEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * VM snapshots as the engine keeps them: every VM has its "Active VM" snapshot; CreateSnapshotForVm adds a
 * regular one, {@code locked} (with the VM's disks, and a VM that is down {@code image_locked}) until its volumes
 * exist, and saves the memory of a running VM unless told not to; RemoveSnapshot keeps it {@code locked} while it
 * is merged, then drops it. The restore is {@link SnapshotRestore}'s. Each end is a scheduled change.
 */
public final class SnapshotOperations {

    public static final String ACTIVE_DESCRIPTION = "Active VM";
    static final String TYPE = "Snapshot";
    static final String SNAPSHOT_CREATED = "snapshot.created";
    static final String SNAPSHOT_REMOVED = "snapshot.removed";
    /** The engine's ValidDescription: letters of any script or ASCII, nothing else (no emoji, no curly quotes). */
    private static final Pattern DESCRIPTION = Pattern.compile("[\\p{ASCII}\\p{L}]*");
    private static final int DESCRIPTION_MAX = 4000;
    /** Statuses in which the engine's action matrix refuses CreateSnapshotForVm. */
    private static final Set<String> NO_SNAPSHOT = Set.of("migrating", "suspended", "image_illegal", "image_locked",
            "not_responding", "unassigned", "unknown");
    /** A VM in these statuses has memory to save: its snapshot is a live one. */
    private static final Set<String> RUNNING = Set.of("up", "powering_up", "reboot_in_progress", "paused",
            "powering_down");
    /** RemoveSnapshot merges only while the VM is in one of these. */
    private static final Set<String> MERGEABLE = Set.of("down", "up", "paused");

    /** A snapshot as the API shows it: a stored regular one, or the VM's "Active VM" one. */
    public record View(String id, String description, String type, String status, Instant date,
            boolean persistMemory) {
    }

    /** What a client asked for in {@code POST /vms/{id}/snapshots}; null memory means the engine's default. */
    public record NewSnapshot(String description, Boolean persistMemory) {
    }

    /**
     * What a client asked for in {@code POST /vms} with a snapshot: the new VM's name and cluster, and the fields of
     * the body that override the snapshot's configuration (null: the snapshot's).
     */
    public record NewVmFromSnapshot(String snapshotId, String name, Ref cluster, String description,
            Long memoryBytes) {
    }

    private final Engine engine;
    private final Estate estate;
    private final VmOperations vms;
    private final SnapshotRestore restore;
    private final SnapshotClone clone;

    public SnapshotOperations(Engine engine, VmOperations vms) {
        this.engine = engine;
        this.estate = engine.estate();
        this.vms = vms;
        this.restore = new SnapshotRestore(engine, this);
        this.clone = new SnapshotClone(engine, vms, this);
        engine.onDue(SNAPSHOT_CREATED, this::created);
        engine.onDue(SNAPSHOT_REMOVED, this::removed);
    }

    /** Every snapshot of the VM, oldest first, its "Active VM" snapshot included. */
    public List<View> list(String vmId) {
        VmEntity vm = vms.require(vmId);
        List<View> all = new ArrayList<>();
        all.add(active(vm));
        vm.snapshots.forEach(s -> all.add(view(s)));
        all.sort(Comparator.comparing(View::date, Comparator.nullsFirst(Comparator.naturalOrder())));
        return all;
    }

    public View get(String vmId, String snapshotId) {
        return list(vmId).stream().filter(s -> s.id().equals(snapshotId)).findFirst()
                .orElseThrow(EngineFault::notFound);
    }

    /**
     * The disks a snapshot holds images of, as {@code /vms/{id}/snapshots/{sid}/disks} lists them: those the VM had
     * when it was taken and still has; for the "Active VM" snapshot, the VM's disks.
     */
    public List<DiskEntity> disks(String vmId, String snapshotId) {
        VmEntity vm = vms.require(vmId);
        get(vmId, snapshotId);
        List<String> ids = stored(vm, snapshotId).map(s -> s.diskIds).filter(Objects::nonNull).orElse(vm.diskIds);
        return ids.stream().map(estate.disks::get).filter(Objects::nonNull).toList();
    }

    public View add(Call call, String vmId, NewSnapshot request) {
        VmEntity vm = vms.require(vmId);
        String description = request.description();
        if (!DESCRIPTION.matcher(description).matches()) {
            throw EngineFault.badRequest(EngineMessages.snapshotDescriptionCharacters());
        }
        if (description.length() > DESCRIPTION_MAX) {
            throw EngineFault.badRequest(EngineMessages.snapshotDescriptionTooLong());
        }
        if (NO_SNAPSHOT.contains(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmStatusIllegal("create", TYPE, vm.status));
        }
        refuseWhileBusy(vm, "create");
        SnapshotEntity snapshot = new SnapshotEntity();
        snapshot.id = engine.newId();
        snapshot.description = description;
        snapshot.date = engine.now();
        snapshot.persistMemory = !Boolean.FALSE.equals(request.persistMemory()) && RUNNING.contains(vm.status);
        snapshot.vmDescription = vm.description;
        snapshot.memoryBytes = vm.memoryBytes;
        snapshot.sockets = vm.sockets;
        snapshot.cores = vm.cores;
        snapshot.diskIds = new ArrayList<>(vm.diskIds);
        vm.snapshots.add(snapshot);
        setDisks(vm, "locked");
        boolean wasDown = vm.isDown();
        if (wasDown) {
            vm.status = "image_locked";
        }
        JobEntity job = engine.startJob("Creating VM Snapshot " + description + " for VM " + vm.name,
                call.correlationId());
        engine.event(45, "normal", "Snapshot '" + description + "' creation for VM '" + vm.name
                + "' was initiated by " + call.userName() + ".", call.correlationId(), e -> e.vmId = vm.id);
        Map<String, String> args = call.jobArgs(job);
        args.put("vm", vm.id);
        args.put("wasDown", Boolean.toString(wasDown));
        engine.schedule(engine.timing().snapshotCreation(snapshot.persistMemory), SNAPSHOT_CREATED, snapshot.id,
                args);
        return view(snapshot);
    }

    private void created(PendingChange change) {
        find(change).ifPresent(found -> {
            VmEntity vm = found.vm();
            found.snapshot().status = "ok";
            setDisks(vm, "ok");
            if (Boolean.parseBoolean(change.args.get("wasDown")) && "image_locked".equals(vm.status)) {
                vm.status = "down";
            }
            engine.event(68, "normal", "Snapshot '" + found.snapshot().description + "' creation for VM '" + vm.name
                    + "' has been completed.", change.args.get("correlation"), e -> e.vmId = vm.id);
            engine.endJob(change.args.get("job"), true);
        });
    }

    /** {@code POST /vms} with a snapshot: see {@link SnapshotClone}. */
    public VmEntity cloneVm(Call call, NewVmFromSnapshot request) {
        return clone.cloneVm(call, request);
    }

    /** {@code POST /vms/{id}/snapshots/{sid}/restore}: see {@link SnapshotRestore}. */
    public JobEntity restore(Call call, String vmId, String snapshotId) {
        return restore.restore(call, vms.require(vmId), snapshotId);
    }

    public void remove(Call call, String vmId, String snapshotId) {
        VmEntity vm = vms.require(vmId);
        View target = get(vmId, snapshotId);
        if (!"regular".equals(target.type())) {
            throw EngineFault.conflict(EngineMessages.snapshotNotRegular("remove", TYPE));
        }
        if (!MERGEABLE.contains(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmNotDownOrUp("remove", TYPE, vm.name));
        }
        refuseWhileBusy(vm, "remove");
        SnapshotEntity snapshot = stored(vm, snapshotId).orElseThrow();
        snapshot.status = "locked";
        setDisks(vm, "locked");
        JobEntity job = engine.startJob("Removing Snapshot " + snapshot.description + " of VM " + vm.name,
                call.correlationId());
        engine.event(342, "normal", "Snapshot '" + snapshot.description + "' deletion for VM '" + vm.name
                + "' was initiated by " + call.userName() + ".", call.correlationId(), e -> e.vmId = vm.id);
        Map<String, String> args = call.jobArgs(job);
        args.put("vm", vm.id);
        engine.schedule(engine.timing().snapshotRemoval(), SNAPSHOT_REMOVED, snapshot.id, args);
    }

    private void removed(PendingChange change) {
        find(change).ifPresent(found -> {
            VmEntity vm = found.vm();
            vm.snapshots.remove(found.snapshot());
            setDisks(vm, "ok");
            engine.event(356, "normal", "Snapshot '" + found.snapshot().description + "' deletion for VM '"
                    + vm.name + "' has been completed.", change.args.get("correlation"), e -> e.vmId = vm.id);
            engine.endJob(change.args.get("job"), true);
        });
    }

    /**
     * What every snapshot command checks first: no other snapshot operation under way on the VM (a locked
     * snapshot), and no disk of the VM locked by something else.
     */
    void refuseWhileBusy(VmEntity vm, String action) {
        refuseDuringSnapshot(vm, action, TYPE);
        List<String> locked = lockedDisks(vm);
        if (!locked.isEmpty()) {
            throw EngineFault.conflict(EngineMessages.disksLocked(action, TYPE, String.join(", ", locked)));
        }
    }

    /**
     * Refuses a command on a VM while one of its snapshots is being taken, restored, merged or cloned from: such a
     * snapshot is locked until its operation ends.
     */
    static void refuseDuringSnapshot(VmEntity vm, String action, String type) {
        if (vm.snapshots.stream().anyMatch(SnapshotEntity::isLocked)) {
            throw EngineFault.conflict(EngineMessages.vmDuringSnapshot(action, type));
        }
    }

    /** The "Active VM" snapshot: the VM as it is now. */
    View active(VmEntity vm) {
        Instant date = vm.activeSnapshotDate != null ? vm.activeSnapshotDate : vm.creationTime;
        return new View(activeId(vm), ACTIVE_DESCRIPTION, "active", "ok", date, false);
    }

    static String activeId(VmEntity vm) {
        return vm.activeSnapshotId != null ? vm.activeSnapshotId
                : UUID.nameUUIDFromBytes(("active-snapshot:" + vm.id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static View view(SnapshotEntity s) {
        return new View(s.id, s.description, "regular", s.status, s.date, s.persistMemory);
    }

    static Optional<SnapshotEntity> stored(VmEntity vm, String snapshotId) {
        return vm.snapshots.stream().filter(s -> s.id.equals(snapshotId)).findFirst();
    }

    void setDisks(VmEntity vm, String status) {
        vm.diskIds.stream().map(estate.disks::get).filter(d -> d != null).forEach(d -> d.status = status);
    }

    private List<String> lockedDisks(VmEntity vm) {
        return vm.diskIds.stream().map(estate.disks::get).filter(d -> d != null && "locked".equals(d.status))
                .map(d -> d.alias).toList();
    }

    /** The VM and snapshot a due change is about; empty when either went away meanwhile. */
    record Found(VmEntity vm, SnapshotEntity snapshot) {
    }

    Optional<Found> find(PendingChange change) {
        VmEntity vm = estate.vms.get(change.args.get("vm"));
        return vm == null ? Optional.empty() : stored(vm, change.entityId).map(s -> new Found(vm, s));
    }
}
