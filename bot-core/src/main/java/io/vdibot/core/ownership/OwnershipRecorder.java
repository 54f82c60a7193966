package io.vdibot.core.ownership;

import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolDeleteRequest;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.core.execution.TaskSuccessListener;
import io.vdibot.persistence.ownership.ObjectOwners;
import io.vdibot.persistence.task.TaskRecord;

/** A pool the bot created belongs to its requester; a pool the bot deleted belongs to nobody any more. */
final class OwnershipRecorder implements TaskSuccessListener {

    private final ObjectOwners owners;

    OwnershipRecorder(ObjectOwners owners) {
        this.owners = owners;
    }

    @Override
    public void succeeded(TaskRecord task, TaskRequest request) {
        if (request instanceof PoolCreateRequest && task.requester().directoryUid() != null) {
            owners.recordCreator(request.objectKind(), task.site(), request.name(), task.requester().directoryUid(),
                    task.code());
        } else if (request instanceof PoolDeleteRequest) {
            owners.forget(request.objectKind(), task.site(), request.name());
        }
    }
}
