package io.vdibot.core.locks;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.locks.LocksRequest;
import io.vdibot.persistence.lease.LeaseRecord;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.persistence.task.TaskCodes;
import java.util.ArrayList;
import java.util.List;

import static io.vdibot.core.locks.LeaseTimes.time;

/**
 * {@code /vdi locks}: the shared resources tasks hold (an export domain being moved) — which task, on which node,
 * since when in the reader's zone.
 */
final class LocksHandler implements QueryHandler<LocksRequest> {

    private final ResourceLeaseRepository leases;

    LocksHandler(ResourceLeaseRepository leases) {
        this.leases = leases;
    }

    @Override
    public Class<LocksRequest> requestType() {
        return LocksRequest.class;
    }

    @Override
    public Reply handle(LocksRequest request, Asker scope) {
        return list(scope);
    }

    private Reply list(Asker scope) {
        Messages messages = scope.messages();
        List<LeaseRecord> held = leases.list();
        if (held.isEmpty()) {
            return Reply.text(messages.format("locks.none"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (LeaseRecord lease : held) {
            rows.add(List.of(lease.resourceKey(), TaskCodes.format(lease.taskId()), lease.ownerNode(),
                    time(lease.acquiredAt(), scope.zone()), lease.note() == null ? "" : lease.note()));
        }
        return Reply.builder().table(List.of(messages.format("locks.column.resource"),
                messages.format("locks.column.task"), messages.format("locks.column.node"),
                messages.format("locks.column.since", scope.zone().getId()), messages.format("locks.column.note")),
                rows).build();
    }
}
