package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.NicEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * VM life cycle as the engine runs it: AddVm (image_locked while thin disks are created, then down),
 * RunVm (wait_for_launch, powering_up, up, and guest-agent addresses a while later), StopVm and
 * ShutdownVm (powering_down, down), RemoveVm and detaching from a pool.
 */
public final class VmOperations {

    /** What a client asked for in {@code POST /vms}. */
    public record NewVm(String name, Ref cluster, Ref template, String description, Long memoryBytes,
            Integer sockets, Integer cores, String osType, String vmType, Boolean stateless, String customScript) {
    }

    /** How a start request asked for first-boot initialization. */
    public record StartOptions(Boolean useCloudInit, Boolean useSysprep, Boolean useInitialization,
            String customScript) {
    }

    static final String VM_CREATED = "vm.created";
    static final String VM_POWERING_UP = "vm.powering-up";
    static final String VM_UP = "vm.up";
    static final String VM_GUEST_REPORTED = "vm.guest-reported";
    static final String VM_DOWN = "vm.down";
    private static final Set<String> RUNNING = Set.of("up", "powering_up", "wait_for_launch", "reboot_in_progress",
            "migrating", "paused", "powering_down", "not_responding", "unknown", "saving_state", "restoring_state");

    private final Engine engine;
    private final Estate estate;

    public VmOperations(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
        engine.onDue(VM_CREATED, this::created);
        engine.onDue(VM_POWERING_UP, change -> vm(change.entityId).ifPresent(vm -> {
            if ("wait_for_launch".equals(vm.status)) {
                vm.status = "powering_up";
                engine.schedule(engine.timing().vmPoweringUp(), VM_UP, vm.id, change.args);
            }
        }));
        engine.onDue(VM_UP, this::up);
        engine.onDue(VM_GUEST_REPORTED, this::guestReported);
        engine.onDue(VM_DOWN, this::down);
    }

    public Optional<VmEntity> vm(String id) {
        return Optional.ofNullable(estate.vms.get(id));
    }

    public VmEntity require(String id) {
        return vm(id).orElseThrow(EngineFault::notFound);
    }

    public ClusterEntity resolveCluster(Ref ref) {
        Optional<ClusterEntity> cluster = ref.id() != null
                ? Optional.ofNullable(estate.clusters.get(ref.id()))
                : estate.clusters.values().stream().filter(c -> c.name.equals(ref.name())).findFirst();
        return cluster.orElseThrow(() -> EngineFault.entityNotFound(ref.describe("Cluster")));
    }

    /** By id, or by name in the cluster's data center taking the latest version, as GetVmTemplate does. */
    public TemplateEntity resolveTemplate(Ref ref, ClusterEntity cluster) {
        Optional<TemplateEntity> template = ref.id() != null
                ? Optional.ofNullable(estate.templates.get(ref.id()))
                : estate.templates.values().stream()
                        .filter(t -> t.name.equals(ref.name()))
                        .filter(t -> t.isBlank() || cluster == null || sameDataCenter(t, cluster))
                        .max(Comparator.comparingInt(t -> t.versionNumber));
        return template.orElseThrow(() -> EngineFault.entityNotFound(ref.describe("Template")));
    }

    public boolean sameDataCenter(TemplateEntity template, ClusterEntity cluster) {
        ClusterEntity home = estate.clusters.get(template.clusterId);
        return home != null && home.dataCenterId.equals(cluster.dataCenterId);
    }

    /** Whether a VM of that name already exists in the data center, the scope of VM name uniqueness. */
    public boolean nameUsedInDataCenter(String name, String dataCenterId) {
        return estate.vms.values().stream().anyMatch(vm -> vm.name.equals(name)
                && dataCenterId.equals(estate.clusters.get(vm.clusterId).dataCenterId));
    }

    public VmEntity add(Call call, NewVm request) {
        ClusterEntity cluster = resolveCluster(request.cluster());
        TemplateEntity template = resolveTemplate(request.template(), cluster);
        NameRules.checkVmName(request.name(), "add");
        if (!template.isBlank() && !sameDataCenter(template, cluster)) {
            throw EngineFault.badRequest("Cannot add VM. The relevant Template doesn't exist in the Data Center.");
        }
        if (nameUsedInDataCenter(request.name(), cluster.dataCenterId)) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed("add", "VM"));
        }
        if ("locked".equals(template.status)) {
            throw EngineFault.conflict(EngineMessages.templateImageLocked());
        }
        JobEntity job = engine.startJob("Creating VM " + request.name() + " in Cluster " + cluster.name,
                call.correlationId());
        VmEntity vm = createFromTemplate(request.name(), cluster, template, job.id);
        if (request.description() != null) {
            vm.description = request.description();
        }
        if (request.memoryBytes() != null) {
            vm.memoryBytes = request.memoryBytes();
        }
        if (request.sockets() != null) {
            vm.sockets = request.sockets();
        }
        if (request.cores() != null) {
            vm.cores = request.cores();
        }
        if (request.osType() != null) {
            vm.osType = request.osType();
        }
        if (request.vmType() != null) {
            vm.vmType = request.vmType();
        }
        if (request.stateless() != null) {
            vm.stateless = request.stateless();
        }
        vm.customScript = request.customScript();
        engine.event(34, "normal", "VM " + vm.name + " was created by " + call.userName() + ".",
                call.correlationId(), e -> e.vmId = vm.id);
        if (vm.diskIds.isEmpty()) {
            vm.status = "down";
            engine.endJob(job.id, true);
        }
        return vm;
    }

    /**
     * Creates the VM row in image_locked with thin overlays of the template's disks and schedules
     * the end of disk creation; shared with pool creation, which adds VMs the same way.
     */
    public VmEntity createFromTemplate(String name, ClusterEntity cluster, TemplateEntity template, String jobId) {
        VmEntity vm = new VmEntity();
        vm.id = engine.newId();
        vm.name = name;
        vm.clusterId = cluster.id;
        vm.templateId = template.id;
        vm.osType = template.osType;
        vm.vmType = template.vmType;
        vm.memoryBytes = template.memoryBytes;
        vm.sockets = template.sockets;
        vm.cores = template.cores;
        vm.creationTime = engine.now();
        for (NicEntity templateNic : template.nics) {
            NicEntity nic = new NicEntity();
            nic.id = engine.newId();
            nic.name = templateNic.name;
            nic.interfaceType = templateNic.interfaceType;
            nic.vnicProfileId = templateNic.vnicProfileId;
            nic.mac = engine.nextMac();
            vm.nics.add(nic);
        }
        for (String templateDiskId : template.diskIds) {
            DiskEntity source = estate.disks.get(templateDiskId);
            DiskEntity disk = new DiskEntity();
            disk.id = engine.newId();
            disk.alias = name + "_Disk" + (vm.diskIds.size() + 1);
            disk.provisionedSize = source.provisionedSize;
            disk.actualSize = 1L << 20;
            disk.storageDomainId = source.storageDomainId;
            disk.bootable = source.bootable;
            disk.status = "locked";
            estate.disks.put(disk.id, disk);
            vm.diskIds.add(disk.id);
        }
        vm.status = vm.diskIds.isEmpty() ? "down" : "image_locked";
        estate.vms.put(vm.id, vm);
        if (!vm.diskIds.isEmpty()) {
            engine.schedule(engine.timing().vmDiskCreation(), VM_CREATED, vm.id,
                    jobId == null ? Map.of() : Map.of("job", jobId));
        }
        return vm;
    }

    private void created(PendingChange change) {
        vm(change.entityId).ifPresent(vm -> {
            vm.status = "down";
            vm.diskIds.forEach(id -> estate.disks.get(id).status = "ok");
            engine.event(53, "normal", "VM " + vm.name + " creation has been completed.", null, e -> e.vmId = vm.id);
            String jobId = change.args.get("job");
            if (jobId != null && vm.poolId == null) {
                engine.endJob(jobId, true);
            }
        });
    }

    public JobEntity start(Call call, String vmId, StartOptions options) {
        VmEntity vm = require(vmId);
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
        if (!vm.isDown()) {
            throw EngineFault.conflict(EngineMessages.vmStatusIllegal("run", "VM", vm.status));
        }
        HostEntity host = leastLoadedHost(vm.clusterId)
                .orElseThrow(() -> EngineFault.conflict(EngineMessages.noHostUpInCluster("run", "VM")));
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
    private void applyInitialization(VmEntity vm, StartOptions options) {
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

    public JobEntity stop(Call call, String vmId, boolean graceful) {
        VmEntity vm = require(vmId);
        String action = graceful ? "shutdown" : "stop";
        if ("image_locked".equals(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmIsLocked(action, "VM"));
        }
        if (vm.isDown() || "powering_down".equals(vm.status)) {
            throw EngineFault.conflict("Cannot " + action + " VM. VM is not running.");
        }
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
        engine.schedule(engine.timing().vmPoweringDown(), VM_DOWN, vm.id, Map.of("job", job.id,
                "exit", graceful ? "User shut down from within the guest" : "Admin shut down from the engine"));
        return job;
    }

    /** Powers a VM off as part of another command (pool removal); no job of its own. */
    public void powerOffInternally(VmEntity vm) {
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
    }

    private void down(PendingChange change) {
        vm(change.entityId).ifPresent(vm -> {
            vm.status = "down";
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

    public void remove(Call call, String vmId) {
        VmEntity vm = require(vmId);
        if ("image_locked".equals(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmIsLocked("remove", "VM"));
        }
        if (!vm.isDown()) {
            throw EngineFault.conflict(EngineMessages.vmIsRunning("remove", "VM"));
        }
        if (vm.poolId != null) {
            throw EngineFault.conflict(EngineMessages.vmAttachedToPool("remove", "VM"));
        }
        delete(vm);
        engine.event(113, "normal", "VM " + vm.name + " was successfully removed.", call.correlationId(),
                e -> e.vmId = vm.id);
    }

    /** Drops a VM with its disks and permissions; callers have checked the preconditions. */
    public void delete(VmEntity vm) {
        cancelRunSteps(vm);
        engine.cancelScheduled(VM_DOWN, vm.id);
        engine.cancelScheduled(VM_CREATED, vm.id);
        vm.diskIds.forEach(estate.disks::remove);
        estate.permissions.values().removeIf(p -> vm.id.equals(p.objectId));
        estate.vms.remove(vm.id);
    }

    public void detachFromPool(Call call, String vmId) {
        VmEntity vm = require(vmId);
        if (vm.poolId == null) {
            throw EngineFault.conflict(EngineMessages.vmNotInPool());
        }
        if (!vm.isDown()) {
            throw EngineFault.conflict(EngineMessages.detachRunningVmFromPool());
        }
        String poolName = estate.pools.get(vm.poolId).name;
        vm.poolId = null;
        engine.event(312, "normal", "VM " + vm.name + " was detached from VM Pool " + poolName + " by "
                + call.userName() + ".", call.correlationId(), e -> e.vmId = vm.id);
    }

    private Optional<HostEntity> leastLoadedHost(String clusterId) {
        Map<String, Integer> load = new java.util.HashMap<>();
        for (VmEntity vm : estate.vms.values()) {
            if (vm.hostId != null) {
                load.merge(vm.hostId, 1, Integer::sum);
            }
        }
        return estate.hosts.values().stream()
                .filter(h -> h.clusterId.equals(clusterId) && "up".equals(h.status))
                .min(Comparator.comparingInt(h -> load.getOrDefault(h.id, 0)));
    }

    private static int count(Boolean flag) {
        return Boolean.TRUE.equals(flag) ? 1 : 0;
    }
}
