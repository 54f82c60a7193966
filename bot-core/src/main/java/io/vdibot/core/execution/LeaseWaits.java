package io.vdibot.core.execution;

import io.vdibot.commands.handler.ResourceBusy;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.core.schedule.TaskScheduling;
import io.vdibot.persistence.lease.LeaseRecord;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.persistence.task.TaskCodes;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskWaits;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task at a time per object, and a queue for whatever a task finds held by another. A task takes the lease of
 * the object it changes ({@code object:pool:dc1:finance-win10}) before its first step; a task refused that lease, or
 * an export domain's lease inside its steps, waits ({@code WAITING}, no node) and is fired again when the lease is
 * free — at once when it is released on this node, otherwise at the next look — and fails once it has waited
 * {@code waitMax}. Every lease a task holds is released when it ends or waits, so a waiting task holds nothing
 * another could wait for.
 */
public final class LeaseWaits implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseWaits.class);
    private static final String OBJECT = "object:";

    private final ResourceLeaseRepository leases;
    private final TaskWaits waits;
    private final TaskScheduling scheduling;
    private final NodeIdentity node;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Duration waitMax;
    private final Duration poll;

    public LeaseWaits(ResourceLeaseRepository leases, TaskWaits waits, TaskScheduling scheduling, NodeIdentity node,
            ScheduledExecutorService timer, Clock clock, Duration waitMax, Duration poll) {
        this.leases = leases;
        this.waits = waits;
        this.scheduling = scheduling;
        this.node = node;
        this.timer = timer;
        this.clock = clock;
        this.waitMax = waitMax;
        this.poll = poll;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::wakeThoseFree, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The longest a task waits. */
    public Duration waitMax() {
        return waitMax;
    }

    /**
     * Takes the lease of the object the task changes; what is in the way when another task has it. A task resumed
     * after its node died still holds its lease and gets it again.
     */
    Optional<ResourceBusy> takeObject(TaskRecord task, TaskRequest request, Messages messages) {
        String key = OBJECT + request.objectKind() + ":" + task.site() + ":" + request.name();
        if (leases.tryAcquire(key, node.id(), task.id(), messages.format("task.lease.object-note", task.code(),
                task.commandId()))) {
            return Optional.empty();
        }
        String holder = leases.find(key).map(LeaseRecord::taskId).map(TaskCodes::format).orElse(null);
        return Optional.of(new ResourceBusy(key, holder, describe(key, messages)));
    }

    /** True when the task has waited for {@code busy}'s resource at least {@link #waitMax()}. */
    boolean waitedTooLong(TaskRecord task, ResourceBusy busy) {
        return task.waiting() != null && task.waiting().resourceKey().equals(busy.resourceKey())
                && !task.waiting().since().plus(waitMax).isAfter(clock.instant());
    }

    /**
     * Parks the running task until {@code busy}'s resource is free, releasing what it holds. Returns whether this
     * is its first wait for that resource (worth telling the thread), empty when the task was not running.
     */
    Optional<Boolean> park(TaskRecord task, ResourceBusy busy) {
        leases.releaseAll(task.id());
        boolean first = task.waiting() == null || !task.waiting().resourceKey().equals(busy.resourceKey());
        if (!waits.park(task.id(), busy.resourceKey())) {
            return Optional.empty();
        }
        wakeSoon();
        return Optional.of(first);
    }

    /** The task ended: whatever it held is free, and those waiting for it are woken. */
    void ended(TaskRecord task) {
        if (leases.releaseAll(task.id()) > 0) {
            wakeSoon();
        }
    }

    /** A resource key in the reader's words: an object by kind, name and site; anything else by its lease note. */
    public static String describe(String resourceKey, Messages messages) {
        if (resourceKey.startsWith(OBJECT)) {
            String[] parts = resourceKey.substring(OBJECT.length()).split(":", 3);
            if (parts.length == 3) {
                return messages.format("task.lease.object", messages.format("task.object." + parts[0]), parts[2],
                        parts[1]);
            }
        }
        return resourceKey;
    }

    private void wakeSoon() {
        try {
            timer.execute(this::wakeThoseFree);
        } catch (RejectedExecutionException shuttingDown) {
            // the next node to look wakes them
        }
    }

    /** Fires every waiting task whose resource is free, or that has waited long enough to be told so. */
    void wakeThoseFree() {
        try {
            for (TaskRecord task : waits.waiting()) {
                boolean free = task.waiting() == null || leases.find(task.waiting().resourceKey()).isEmpty();
                boolean expired = task.waiting() != null
                        && !task.waiting().since().plus(waitMax).isAfter(clock.instant());
                if (free || expired) {
                    scheduling.schedule(task);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("look at waiting tasks failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
