package io.vdibot.core.query;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.locks.LocksReleaseRequest;
import io.vdibot.commands.locks.LocksRequest;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.core.pipeline.QueryHandler;
import io.vdibot.core.pipeline.RequestScope;
import io.vdibot.persistence.lease.LeaseRecord;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.persistence.task.TaskCodes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /vdi locks}: the shared resources tasks hold (an export domain being moved) — which task, on which node,
 * since when in the reader's zone. {@code /vdi locks release RESOURCE}: an administrator's way out when the task
 * holding a lock ended without giving it back (the pipeline has checked {@code vdi:locks:release}).
 */
public final class LocksHandler implements QueryHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LocksHandler.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ResourceLeaseRepository leases;

    public LocksHandler(ResourceLeaseRepository leases) {
        this.leases = leases;
    }

    @Override
    public boolean handles(VdiRequest request) {
        return request instanceof LocksRequest || request instanceof LocksReleaseRequest;
    }

    @Override
    public Reply handle(VdiRequest request, RequestScope scope) {
        if (request instanceof LocksReleaseRequest release) {
            return release(release.resource(), scope);
        }
        return list(scope);
    }

    private Reply list(RequestScope scope) {
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

    private Reply release(String resource, RequestScope scope) {
        Messages messages = scope.messages();
        Optional<LeaseRecord> lease = leases.find(resource);
        if (lease.isEmpty() || !leases.forceRelease(resource)) {
            return Reply.text(messages.format("locks.release.none", resource));
        }
        LeaseRecord released = lease.get();
        LOG.info("{} released the lock on {} held by {} (node {})", scope.user().uid(), resource,
                TaskCodes.format(released.taskId()), released.ownerNode());
        return Reply.text(messages.format("locks.released", resource, TaskCodes.format(released.taskId()),
                released.ownerNode(), time(released.acquiredAt(), scope.zone()) + " " + scope.zone().getId()));
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
