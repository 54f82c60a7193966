package io.vdibot.core.locks;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Durations;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.locks.LocksRequest;
import io.vdibot.persistence.lease.LeaseRecord;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.persistence.task.TaskCodes;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskWaits;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.vdibot.core.locks.LeaseTimes.time;

/**
 * {@code /vdi locks}: what tasks hold (the pool, VM or template a task changes; an export domain being moved) —
 * which task, on which node, since when in the reader's zone and for how long — and the tasks waiting for each.
 */
final class LocksHandler implements QueryHandler<LocksRequest> {

    private final ResourceLeaseRepository leases;
    private final TaskWaits waits;
    private final Clock clock;

    LocksHandler(ResourceLeaseRepository leases, TaskWaits waits, Clock clock) {
        this.leases = leases;
        this.waits = waits;
        this.clock = clock;
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
        Map<String, List<String>> waiting = new HashMap<>();
        for (TaskRecord task : waits.waiting()) {
            if (task.waiting() != null) {
                waiting.computeIfAbsent(task.waiting().resourceKey(), key -> new ArrayList<>()).add(task.code());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (LeaseRecord lease : held) {
            rows.add(List.of(lease.resourceKey(), TaskCodes.format(lease.taskId()), lease.ownerNode(),
                    time(lease.acquiredAt(), scope.zone()), heldFor(lease), lease.note() == null ? "" : lease.note(),
                    String.join(", ", waiting.getOrDefault(lease.resourceKey(), List.of()))));
        }
        return Reply.builder().table(List.of(messages.format("locks.column.resource"),
                messages.format("locks.column.task"), messages.format("locks.column.node"),
                messages.format("locks.column.since", scope.zone().getId()), messages.format("locks.column.held-for"),
                messages.format("locks.column.note"),
                messages.format("locks.column.waiting")),
                rows).build();
    }

    /** How long the lock has been held, e.g. "12 min": what tells a stuck lock from a busy one. */
    private String heldFor(LeaseRecord lease) {
        return lease.acquiredAt() == null ? "" : Durations.format(Duration.between(lease.acquiredAt(), clock.instant()));
    }
}
