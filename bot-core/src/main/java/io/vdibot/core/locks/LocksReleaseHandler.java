package io.vdibot.core.locks;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.locks.LocksReleaseRequest;
import io.vdibot.persistence.lease.LeaseRecord;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.persistence.task.TaskCodes;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.vdibot.core.locks.LeaseTimes.time;

/**
 * {@code /vdi locks release RESOURCE}: an administrator's way out when the task holding a lock ended without giving
 * it back (the pipeline has checked {@code vdi:locks:release}).
 */
final class LocksReleaseHandler implements QueryHandler<LocksReleaseRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(LocksReleaseHandler.class);

    private final ResourceLeaseRepository leases;

    LocksReleaseHandler(ResourceLeaseRepository leases) {
        this.leases = leases;
    }

    @Override
    public Class<LocksReleaseRequest> requestType() {
        return LocksReleaseRequest.class;
    }

    @Override
    public Reply handle(LocksReleaseRequest request, Asker scope) {
        return release(request.resource(), scope);
    }

    private Reply release(String resource, Asker scope) {
        Messages messages = scope.messages();
        Optional<LeaseRecord> lease = leases.find(resource);
        if (lease.isEmpty() || !leases.forceRelease(resource)) {
            return Reply.text(messages.format("locks.release.none", resource));
        }
        LeaseRecord released = lease.get();
        LOG.info("{} released the lock on {} held by {} (node {})", scope.uid(), resource,
                TaskCodes.format(released.taskId()), released.ownerNode());
        return Reply.text(messages.format("locks.released", resource, TaskCodes.format(released.taskId()),
                released.ownerNode(), time(released.acquiredAt(), scope.zone()) + " " + scope.zone().getId()));
    }
}
