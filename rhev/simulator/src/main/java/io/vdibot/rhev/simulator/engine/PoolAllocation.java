package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.UserEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which pool VMs run and who holds them: the pool monitor keeps the prestarted VMs running,
 * AttachUserToVmFromPoolAndRun hands a VM to a user, and both first take back the VMs their users
 * have shut down.
 */
final class PoolAllocation {

    static final String POOL_MONITOR = "pool.monitor";
    /** UserRole, which AttachUserToVmFromPoolAndRun grants on the allocated VM. */
    static final String USER_ROLE_ID = "00000000-0000-0000-0001-000000000001";
    /** VmPoolMonitorBatchSize: VMs the monitor starts per pool and run. */
    private static final int MONITOR_BATCH = 5;
    private static final Comparator<VmEntity> BY_NAME = Comparator.comparing(vm -> vm.name);

    private final Engine engine;
    private final Estate estate;
    private final VmOperations vms;

    PoolAllocation(Engine engine, VmOperations vms) {
        this.engine = engine;
        this.estate = engine.estate();
        this.vms = vms;
        engine.onDue(POOL_MONITOR, change -> Optional.ofNullable(estate.pools.get(change.entityId))
                .ifPresent(this::monitor));
    }

    /**
     * One run of the pool monitor for one pool: starts up to a batch of free down VMs until the pool
     * has as many running unassigned VMs as it should have prestarted, then plans its next run.
     */
    private void monitor(PoolEntity pool) {
        if (pool.beingRemoved || pool.prestartedVms <= 0) {
            return;
        }
        List<VmEntity> members = PoolOperations.vmsOf(estate, pool);
        releaseReturnedVms(pool, members);
        long prestarted = members.stream()
                .filter(vm -> vm.assignedUserId == null && !vm.isDown() && !"image_locked".equals(vm.status))
                .count();
        long missing = Math.min(pool.prestartedVms - prestarted, MONITOR_BATCH);
        List<VmEntity> candidates = members.stream()
                .filter(vm -> vm.isDown() && vm.assignedUserId == null).sorted(BY_NAME).toList();
        for (int i = 0; i < missing && i < candidates.size(); i++) {
            try {
                vms.start(Call.internal(), candidates.get(i).id, new VmOperations.StartOptions(null, null, null, null));
            } catch (EngineFault refused) {
                // The monitor logs and retries on its next run, as VmPoolMonitor does.
                break;
            }
        }
        engine.schedulePeriodic(engine.timing().poolMonitorInterval(), POOL_MONITOR, pool.id);
    }

    /**
     * Automatic pools take a VM back once its user shut it down. The engine does that when the VM
     * goes down; here it happens when the pool is next looked at (monitor run or allocation).
     */
    private void releaseReturnedVms(PoolEntity pool, List<VmEntity> members) {
        if (!"automatic".equals(pool.type)) {
            return;
        }
        for (VmEntity vm : members) {
            if (vm.assignedUserId != null && vm.isDown()) {
                String userId = vm.assignedUserId;
                vm.assignedUserId = null;
                estate.permissions.values().removeIf(p -> "vm".equals(p.objectType) && vm.id.equals(p.objectId)
                        && USER_ROLE_ID.equals(p.roleId) && userId.equals(p.userId));
            }
        }
    }

    /**
     * Hands a free VM to the calling user with UserRole on it, preferring a running prestarted VM,
     * and runs it when it is down.
     */
    PoolOperations.Allocation allocate(Call call, PoolEntity pool) {
        String action = "allocate and run";
        String type = "VM from VM-Pool";
        if (pool.beingRemoved) {
            throw EngineFault.conflict(EngineMessages.poolIsBeingRemoved(action, type, pool.name));
        }
        UserEntity user = estate.users.values().stream().filter(u -> u.userName.equals(call.userName()))
                .findFirst().orElseThrow(() -> EngineFault.backend(401, "User must exist in Database."));
        List<VmEntity> members = PoolOperations.vmsOf(estate, pool);
        releaseReturnedVms(pool, members);
        Optional<VmEntity> prestarted = members.stream()
                .filter(vm -> vm.assignedUserId == null && vm.isUp()).min(BY_NAME);
        Optional<VmEntity> chosen = prestarted.isPresent() ? prestarted
                : members.stream().filter(vm -> vm.assignedUserId == null && vm.isDown()).min(BY_NAME);
        if (chosen.isEmpty()) {
            throw EngineFault.conflict(EngineMessages.noAvailablePoolVms(action, type));
        }
        long assigned = members.stream().filter(vm -> user.id.equals(vm.assignedUserId)).count();
        if (assigned >= pool.maxUserVms) {
            throw EngineFault.conflict(EngineMessages.poolUserAtMaximum());
        }
        VmEntity vm = chosen.get();
        if (vm.isDown()) {
            vms.start(call, vm.id, new VmOperations.StartOptions(null, null, null, null));
        }
        JobEntity job = engine.startJob("Allocating VM " + vm.name + " from VM Pool " + pool.name + " to User "
                + user.userName, call.correlationId());
        vm.assignedUserId = user.id;
        PermissionEntity permission = new PermissionEntity();
        permission.id = engine.newId();
        permission.roleId = USER_ROLE_ID;
        permission.userId = user.id;
        permission.objectType = "vm";
        permission.objectId = vm.id;
        estate.permissions.put(permission.id, permission);
        engine.event(316, "normal", "Attaching User " + user.userName + " to VM " + vm.name + " in VM Pool "
                + pool.name + " was initiated by " + call.userName() + ".", call.correlationId(), e -> {
                    e.vmId = vm.id;
                    e.userId = user.id;
                });
        engine.event(318, "normal", "User " + user.userName + " successfully attached to VM " + vm.name
                + " in VM Pool " + pool.name + ".", call.correlationId(), e -> {
                    e.vmId = vm.id;
                    e.userId = user.id;
                });
        engine.endJob(job.id, true);
        return new PoolOperations.Allocation(vm, job);
    }
}
