package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.Map;
import java.util.Optional;

/**
 * HibernateVm (the API's {@code suspend}) and the run of a suspended VM: up → saving_state (the
 * guest's memory written to a volume) → suspended with no host; a start then goes restoring_state
 * → up and the guest agent reports again after its delay.
 */
final class VmSuspension {

    static final String VM_SUSPENDED = "vm.suspended";
    static final String VM_RESTORED = "vm.restored";

    private final Engine engine;
    private final Estate estate;

    VmSuspension(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
        engine.onDue(VM_SUSPENDED, this::suspended);
        engine.onDue(VM_RESTORED, this::restored);
    }

    JobEntity suspend(Call call, VmEntity vm) {
        if ("image_locked".equals(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmIsLocked("hibernate", "VM"));
        }
        if (!vm.isUp()) {
            throw EngineFault.conflict(EngineMessages.vmStatusIllegal("hibernate", "VM", vm.status));
        }
        JobEntity job = engine.startJob("Suspending VM " + vm.name, call.correlationId());
        HostEntity host = estate.hosts.get(vm.hostId);
        vm.status = "saving_state";
        engine.cancelScheduled(VmPowerCycle.VM_GUEST_REPORTED, vm.id);
        engine.event(145, "normal", "Suspending VM " + vm.name + " was initiated by User " + call.userName()
                + " (Host: " + (host == null ? "unknown" : host.name) + ").", call.correlationId(), e -> e.vmId = vm.id);
        engine.schedule(engine.timing().vmSavingState(), VM_SUSPENDED, vm.id, Map.of("job", job.id));
        return job;
    }

    private void suspended(PendingChange change) {
        vm(change.entityId).filter(vm -> "saving_state".equals(vm.status)).ifPresent(vm -> {
            HostEntity host = estate.hosts.get(vm.hostId);
            vm.status = "suspended";
            vm.hostId = null;
            vm.reportedIps.clear();
            vm.fqdn = null;
            engine.event(146, "normal", "VM " + vm.name + " on Host " + (host == null ? "unknown" : host.name)
                    + " is suspended.", null, e -> e.vmId = vm.id);
            engine.endJob(change.args.get("job"), true);
        });
    }

    /** RunVm of a suspended VM: back on a host with its saved memory. */
    JobEntity resume(Call call, VmEntity vm, HostEntity host) {
        JobEntity job = engine.startJob("Launching VM " + vm.name, call.correlationId());
        vm.status = "restoring_state";
        vm.hostId = host.id;
        engine.event(150, "normal", "Starting VM " + vm.name + " was initiated by " + call.userName() + ".",
                call.correlationId(), e -> e.vmId = vm.id);
        engine.schedule(engine.timing().vmRestoringState(), VM_RESTORED, vm.id,
                Map.of("job", job.id, "user", call.userName()));
        return job;
    }

    private void restored(PendingChange change) {
        vm(change.entityId).filter(vm -> "restoring_state".equals(vm.status)).ifPresent(vm -> {
            vm.status = "up";
            HostEntity host = estate.hosts.get(vm.hostId);
            engine.event(153, "normal", "VM " + vm.name + " was started by " + change.args.get("user") + " (Host: "
                    + (host == null ? "unknown" : host.name) + ").", null, e -> {
                        e.vmId = vm.id;
                        e.hostId = vm.hostId;
                    });
            engine.endJob(change.args.get("job"), true);
            if (!engine.faults().vmNeverGetsIp(vm.name)) {
                engine.schedule(engine.timing().vmIpReport(), VmPowerCycle.VM_GUEST_REPORTED, vm.id);
            }
        });
    }

    void cancelAll(VmEntity vm) {
        engine.cancelScheduled(VM_SUSPENDED, vm.id);
        engine.cancelScheduled(VM_RESTORED, vm.id);
    }

    private Optional<VmEntity> vm(String id) {
        return Optional.ofNullable(estate.vms.get(id));
    }
}
