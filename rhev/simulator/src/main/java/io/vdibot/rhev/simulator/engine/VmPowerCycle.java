package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Running and stopping VMs: RunVm (wait_for_launch, powering_up, up, and guest-agent addresses a
 * while later), ShutdownVm (powering_down while the guest shuts down, down), StopVm (a power-off:
 * powering_down only until the engine sees the VM destroyed), RebootVm (reboot_in_progress, up, the
 * guest reporting its addresses again), each step a scheduled change.
 */
final class VmPowerCycle {

    static final String VM_POWERING_UP = "vm.powering-up";
    static final String VM_UP = "vm.up";
    static final String VM_GUEST_REPORTED = "vm.guest-reported";
    static final String VM_DOWN = "vm.down";
    static final String VM_REBOOTED = "vm.rebooted";
    private static final Set<String> RUNNING = Set.of("up", "powering_up", "wait_for_launch", "reboot_in_progress",
            "migrating", "paused", "powering_down", "not_responding", "unknown", "saving_state", "restoring_state");

    private final Engine engine;
    private final Estate estate;
    private final VmSuspension suspension;

    VmPowerCycle(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
        this.suspension = new VmSuspension(engine);
        engine.onDue(VM_POWERING_UP, change -> vm(change.entityId).ifPresent(vm -> {
            if ("wait_for_launch".equals(vm.status)) {
                vm.status = "powering_up";
                engine.schedule(engine.timing().vmPoweringUp(), VM_UP, vm.id, change.args);
            }
        }));
        engine.onDue(VM_UP, this::up);
        engine.onDue(VM_GUEST_REPORTED, this::guestReported);
        engine.onDue(VM_DOWN, this::down);
        engine.onDue(VM_REBOOTED, this::rebooted);
    }

    private Optional<VmEntity> vm(String id) {
        return Optional.ofNullable(estate.vms.get(id));
    }

    JobEntity start(Call call, VmEntity vm, VmOperations.StartOptions options) {
        int initFlags = count(options.useCloudInit()) + count(options.useSysprep());
        if (initFlags > 1) {
            throw new EngineFault(409, "Cannot use multiple initialization tags simultaneously when running VM.",
                    null);
        }
        if ("image_locked".equals(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmIsLocked("run", "VM"));
        }
        if (RUNNING.contains(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmIsRunning("run", "VM"));
        }
        if ("suspended".equals(vm.status)) {
            return suspension.resume(call, vm, hostFor(vm));
        }
        if (!vm.isDown()) {
            throw EngineFault.conflict(EngineMessages.vmStatusIllegal("run", "VM", vm.status));
        }
        if (hasIllegalDisks(vm)) {
            throw EngineFault.conflict(EngineMessages.vmImageIllegal("run", "VM"));
        }
        HostEntity host = hostFor(vm);
        applyInitialization(vm, options);
        JobEntity job = engine.startJob("Launching VM " + vm.name, call.correlationId());
        vm.status = "wait_for_launch";
        vm.hostId = host.id;
        vm.startTime = engine.now();
        engine.event(150, "normal", "Starting VM " + vm.name + " was initiated by " + call.userName() + ".",
                call.correlationId(), e -> e.vmId = vm.id);
        engine.schedule(engine.timing().vmWaitForLaunch(), VM_POWERING_UP, vm.id,
                Map.of("job", job.id, "user", call.userName()));
        return job;
    }

    /** First run with stored or given initialization: Windows gets sysprep, everything else cloud-init. */
    private void applyInitialization(VmEntity vm, VmOperations.StartOptions options) {
        if (options.customScript() != null) {
            vm.customScript = options.customScript();
        }
        boolean disabled = Boolean.FALSE.equals(options.useCloudInit()) || Boolean.FALSE.equals(options.useSysprep())
                || Boolean.FALSE.equals(options.useInitialization());
        if (disabled) {
            vm.initializationType = null;
            return;
        }
        if (Boolean.TRUE.equals(options.useCloudInit())) {
            vm.initializationType = "cloud_init";
        } else if (Boolean.TRUE.equals(options.useSysprep())) {
            vm.initializationType = "sysprep";
        } else if (!vm.initialized && vm.customScript != null) {
            vm.initializationType = vm.osType != null && vm.osType.startsWith("windows") ? "sysprep" : "cloud_init";
        } else {
            vm.initializationType = null;
        }
        vm.initialized = true;
    }

    private void up(PendingChange change) {
        vm(change.entityId).ifPresent(vm -> {
            if (!"powering_up".equals(vm.status)) {
                return;
            }
            vm.status = "up";
            HostEntity host = estate.hosts.get(vm.hostId);
            String user = change.args.getOrDefault("user", "admin@internal-authz");
            engine.event(153, "normal", "VM " + vm.name + " was started by " + user + " (Host: "
                    + (host == null ? "unknown" : host.name) + ").", null, e -> {
                        e.vmId = vm.id;
                        e.hostId = vm.hostId;
                    });
            String jobId = change.args.get("job");
            if (jobId != null) {
                engine.endJob(jobId, true);
            }
            if (!engine.faults().vmNeverGetsIp(vm.name)) {
                engine.schedule(engine.timing().vmIpReport(), VM_GUEST_REPORTED, vm.id);
            }
        });
    }

    private void guestReported(PendingChange change) {
        vm(change.entityId).ifPresent(vm -> {
            if (vm.isUp() && vm.reportedIps.isEmpty() && !engine.faults().vmNeverGetsIp(vm.name)) {
                vm.reportedIps.add(engine.nextGuestIp());
                vm.fqdn = vm.name.toLowerCase(java.util.Locale.ROOT) + ".vdi.example";
            }
        });
    }

    JobEntity stop(Call call, VmEntity vm, boolean graceful) {
        String action = graceful ? "shutdown" : "stop";
        if ("image_locked".equals(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmIsLocked(action, "VM"));
        }
        if (vm.isDown() || "powering_down".equals(vm.status)) {
            throw EngineFault.conflict("Cannot " + action + " VM. VM is not running.");
        }
        suspension.cancelAll(vm);
        JobEntity job = engine.startJob((graceful ? "Shutting down VM " : "Stopping VM ") + vm.name,
                call.correlationId());
        cancelRunSteps(vm);
        vm.status = "powering_down";
        HostEntity host = estate.hosts.get(vm.hostId);
        engine.event(graceful ? 73 : 33, "normal", graceful
                ? "VM shutdown initiated by " + call.userName() + " on VM " + vm.name + " (Host: "
                        + (host == null ? "unknown" : host.name) + ")."
                : "VM " + vm.name + " powered off by " + call.userName() + " (Host: "
                        + (host == null ? "unknown" : host.name) + ").",
                call.correlationId(), e -> e.vmId = vm.id);
        engine.schedule(graceful ? engine.timing().vmPoweringDown() : engine.timing().vmPowerOff(), VM_DOWN,
                vm.id, Map.of("job", job.id, "exit",
                        graceful ? "User shut down from within the guest" : "Admin shut down from the engine"));
        return job;
    }

    /**
     * RebootVm: only an up (or powering-up) VM; the engine's action word is "restart". The guest agent goes
     * away with the guest and reports its addresses again after the boot.
     */
    JobEntity reboot(Call call, VmEntity vm) {
        if (!"up".equals(vm.status) && !"powering_up".equals(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmStatusIllegal("restart", "VM", vm.status));
        }
        JobEntity job = engine.startJob("Rebooting VM " + vm.name, call.correlationId());
        cancelRunSteps(vm);
        vm.status = "reboot_in_progress";
        vm.reportedIps.clear();
        vm.fqdn = null;
        engine.event(157, "normal", "User " + call.userName() + " initiated reboot of VM " + vm.name + ".",
                call.correlationId(), e -> e.vmId = vm.id);
        engine.schedule(engine.timing().vmRebooting(), VM_REBOOTED, vm.id, Map.of("job", job.id));
        return job;
    }

    private void rebooted(PendingChange change) {
        vm(change.entityId).ifPresent(vm -> {
            if (!"reboot_in_progress".equals(vm.status)) {
                return;
            }
            vm.status = "up";
            String jobId = change.args.get("job");
            if (jobId != null) {
                engine.endJob(jobId, true);
            }
            if (!engine.faults().vmNeverGetsIp(vm.name)) {
                engine.schedule(engine.timing().vmIpReport(), VM_GUEST_REPORTED, vm.id);
            }
        });
    }

    void powerOffInternally(VmEntity vm) {
        if (vm.isDown() || "powering_down".equals(vm.status) || "image_locked".equals(vm.status)) {
            return;
        }
        cancelRunSteps(vm);
        vm.status = "powering_down";
        engine.schedule(engine.timing().vmPoweringDown(), VM_DOWN, vm.id,
                Map.of("exit", "Admin shut down from the engine"));
    }

    private void cancelRunSteps(VmEntity vm) {
        engine.cancelScheduled(VM_POWERING_UP, vm.id);
        engine.cancelScheduled(VM_UP, vm.id);
        engine.cancelScheduled(VM_GUEST_REPORTED, vm.id);
        engine.cancelScheduled(VM_REBOOTED, vm.id);
    }

    private void down(PendingChange change) {
        vm(change.entityId).ifPresent(vm -> {
            vm.status = "down";
            vm.runOnce = false;
            VmUpdate.applyNextRun(vm);
            vm.hostId = null;
            vm.stopTime = engine.now();
            vm.reportedIps.clear();
            vm.fqdn = null;
            engine.event(61, "normal", "VM " + vm.name + " is down. Exit message: "
                    + change.args.getOrDefault("exit", "User shut down from within the guest"), null, e -> e.vmId = vm.id);
            String jobId = change.args.get("job");
            if (jobId != null) {
                engine.endJob(jobId, true);
            }
        });
    }

    /**
     * The scheduler's choice: a host up in the VM's cluster with memory enough for it (the Memory
     * filter), the least loaded by VM count among those.
     */
    private HostEntity hostFor(VmEntity vm) {
        List<HostEntity> up = estate.hosts.values().stream()
                .filter(h -> h.clusterId.equals(vm.clusterId) && "up".equals(h.status)).toList();
        if (up.isEmpty()) {
            throw EngineFault.conflict(EngineMessages.noHostUpInCluster("run", "VM"));
        }
        Map<String, Long> committed = HostMemory.committedByHost(estate);
        Map<String, Integer> load = new HashMap<>();
        for (VmEntity other : estate.vms.values()) {
            if (other.hostId != null) {
                load.merge(other.hostId, 1, Integer::sum);
            }
        }
        List<String> refusals = new ArrayList<>();
        Optional<HostEntity> chosen = up.stream().filter(h -> {
            long free = HostMemory.maxScheduling(estate, h, committed.getOrDefault(h.id, 0L));
            if (free >= HostMemory.required(vm)) {
                return true;
            }
            refusals.add(EngineMessages.hostMemoryTooLow(h.name, free >> 20));
            return false;
        }).min(Comparator.comparingInt(h -> load.getOrDefault(h.id, 0)));
        return chosen.orElseThrow(() -> EngineFault.conflict(EngineMessages.noHostSatisfiesScheduling("run", "VM",
                refusals)));
    }

    private boolean hasIllegalDisks(VmEntity vm) {
        return vm.diskIds.stream().map(estate.disks::get).anyMatch(d -> d != null && "illegal".equals(d.status));
    }

    private static int count(Boolean flag) {
        return Boolean.TRUE.equals(flag) ? 1 : 0;
    }

    /** Drops every scheduled step of a VM that is being removed. */
    JobEntity suspend(Call call, VmEntity vm) {
        return suspension.suspend(call, vm);
    }

    void cancelAll(VmEntity vm) {
        cancelRunSteps(vm);
        suspension.cancelAll(vm);
        engine.cancelScheduled(VM_DOWN, vm.id);
    }
}
