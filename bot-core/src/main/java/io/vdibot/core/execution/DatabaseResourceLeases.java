package io.vdibot.core.execution;

import io.vdibot.commands.handler.ResourceLeases;
import io.vdibot.persistence.lease.LeaseRecord;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.persistence.task.TaskCodes;
import java.util.Optional;

/**
 * The executors' lease port on the {@code resource_lease} table shared by every bot process: a lease names the
 * task (so a resumed task, on any node, gets its lease back) and the node running it now (for the operators).
 */
public final class DatabaseResourceLeases implements ResourceLeases {

    private final ResourceLeaseRepository repository;
    private final NodeIdentity node;

    public DatabaseResourceLeases(ResourceLeaseRepository repository, NodeIdentity node) {
        this.repository = repository;
        this.node = node;
    }

    @Override
    public boolean tryAcquire(String resourceKey, String taskCode, String note) {
        return repository.tryAcquire(resourceKey, node.id(), taskId(taskCode), note);
    }

    @Override
    public void release(String resourceKey, String taskCode) {
        repository.release(resourceKey, taskId(taskCode));
    }

    @Override
    public Optional<String> holder(String resourceKey) {
        return repository.find(resourceKey).map(LeaseRecord::taskId).map(TaskCodes::format);
    }

    private static long taskId(String taskCode) {
        return TaskCodes.parse(taskCode)
                .orElseThrow(() -> new IllegalArgumentException("not a task code: " + taskCode));
    }
}
