package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.task.CorrelationIds;
import io.vdibot.commands.i18n.Durations;
import io.vdibot.rhev.task.TaskRun;
import io.vdibot.rhev.wait.PacedPoller;
import io.vdibot.rhev.inventory.VmInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every pool task run has: its context, the engine operations, the journaled step runner, and the ways a
 * step fails. One subclass per command runs that command's steps.
 */
abstract class PoolRun {

    protected final TaskContext context;
    protected final String site;
    protected final Messages messages;
    protected final InventoryCache inventory;
    protected final PoolActions actions;
    protected final PoolVmActions vmActions;
    protected final PoolTimings timings;
    protected final Clock clock;
    protected final PacedPoller poller;
    protected final TaskRun run;
    protected final TaskRun.CountingLog log;
    protected final PoolPacing pacing = new PoolPacing();
    protected final PoolWaits waits;
    /** The pool being worked on, once known; null again when it vanished. */
    protected PoolInfo pool;
    private final List<String> stuck = new ArrayList<>();
    /** The pool as the last batch wait saw it, for the step right after it; null when not seen in this run. */
    protected PoolWaits.Growth lastGrowth;

    PoolRun(TaskContext context, PoolServices services) {
        this.context = context;
        this.site = context.site();
        this.messages = context.messages();
        this.inventory = services.inventory();
        this.actions = services.actions();
        this.vmActions = services.vmActions();
        this.timings = services.timings();
        this.clock = services.clock();
        this.poller = services.poller();
        this.run = new TaskRun(context, clock, "pool");
        this.log = run.log();
        this.waits = new PoolWaits(site, actions, timings, poller, this::vanished);
    }

    static String grow(int batch) {
        return "grow-" + batch;
    }

    static String created(int batch) {
        return "created-" + batch;
    }

    /** The error to throw when the pool disappeared under the task. */
    protected abstract RuntimeException vanished();

    protected String correlationId(String step) {
        return CorrelationIds.of(context.taskCode(), step);
    }

    /** Reachability and credentials first: otherwise every later check would report the same outage. */
    protected void checkEngine() {
        actions.queries().calls().checkAnswers(site);
    }

    /** The pool as the engine has it now; a missing pool is the requester's to hear about. */
    protected PoolInfo requirePool(String name) {
        return actions.named(site, name).orElseThrow(() -> run.fail("pool.not-found", name, site));
    }

    /** The pool by the id a completed step recorded; gone means someone removed it while the task ran. */
    protected PoolInfo poolById(String name, String id) {
        return actions.named(site, name).filter(p -> p.id().equals(id))
                .orElseThrow(() -> run.fail("pool.vanished", name, site));
    }

    /**
     * Repeats {@code action} while the engine answers that it is busy (the pool is still adding VMs, the template is
     * locked by another pool being built): longer than the bounded retries of a single call allow.
     */
    protected <T> T whileBusy(Duration timeout, Supplier<T> action) {
        EngineException[] last = new EngineException[1];
        Optional<T> done = poller.poll(timings.pace(), timeout, null, () -> {
            try {
                return Optional.of(action.get());
            } catch (EngineException e) {
                if (!e.isTransient() || e.kind() != EngineException.Kind.FAULT) {
                    throw e;
                }
                last[0] = e;
                return Optional.empty();
            }
        });
        return done.orElseThrow(() -> last[0] != null ? last[0]
                : run.fail("pool.busy-timeout", Durations.format(timeout)));
    }

    /** VMs still having their disks created when a batch's wait ended; they count as failed. */
    protected List<String> stuck() {
        return stuck;
    }

    /**
     * Asks the engine to bring the pool to {@code size} VMs. Asking again for a size the pool has is harmless (the
     * engine adds nothing), so the pool is only read first when the step is repeated after a restart; a repeated
     * request while the engine still adds the VMs of the first one is refused as busy and waited out.
     */
    protected String growTo(int batch, int size, Integer prestarted) {
        boolean repeated = context.steps().interruptedInside(grow(batch));
        whileBusy(timings.createTimeout(), () -> {
            if (repeated) {
                PoolInfo now = actions.named(site, pool.name()).filter(p -> p.id().equals(pool.id()))
                        .orElseThrow(this::vanished);
                if (now.size() >= size) {
                    return true;
                }
            }
            actions.resize(site, pool.id(), size, prestarted, correlationId(grow(batch)));
            return true;
        });
        log.deploy(Text.of("pool.log.grown", pool.name(), size, batch), messages);
        return Integer.toString(size);
    }

    /**
     * Waits until the pool has {@code size} VMs, none of the new ones (not in {@code known}) still having its disks
     * created. When the engine stopped short it is asked once more for the missing VMs; VMs still missing or
     * still locked after that are named in the error log. Returns the new VMs' names, a locked one as
     * {@code !name}.
     */
    protected String awaitBatch(int batch, int size, Set<String> known, int count, Integer prestarted) {
        Instant waitStart = clock.instant();
        PoolWaits.Growth growth = waits.created(pool, size, known, pacing.expectedCreate(count));
        if (growth.complete()) {
            pacing.learnCreate(count, Duration.between(waitStart, clock.instant()));
        } else if (growth.size() < size) {
            log.deploy(Text.of("pool.log.grow-again", pool.name(), growth.size(), size,
                    Durations.format(timings.createTimeout())), messages);
            whileBusy(timings.createTimeout(), () -> {
                actions.resize(site, pool.id(), size, prestarted, correlationId(grow(batch) + "-again"));
                return true;
            });
            growth = waits.created(pool, size, known, null);
        }
        lastGrowth = growth;
        List<String> tokens = new ArrayList<>();
        List<VmInfo> fresh = growth.fresh().stream()
                .sorted(Comparator.comparing(VmInfo::name, PoolJournal.NAME_ORDER)).toList();
        for (VmInfo vm : fresh) {
            boolean locked = "image_locked".equals(vm.status());
            tokens.add(locked ? "!" + vm.name() : vm.name());
            if (locked) {
                log.error(Text.of("pool.log.still-locked", vm.name(),
                        Durations.format(timings.createTimeout())), messages);
            }
        }
        if (growth.size() < size) {
            log.error(Text.of("pool.log.missing", pool.name(), growth.size(), size), messages);
        }
        if (!fresh.isEmpty()) {
            log.deploy(Text.of("pool.log.batch-created", batch, fresh.size(), fresh.get(0).name(),
                    fresh.get(fresh.size() - 1).name()), messages);
        }
        return PoolJournal.names(tokens);
    }

    /** Adds the steps table and the log summary every pool result ends with. */
    protected void appendStepsAndLogs(Reply.Builder reply) {
        run.appendSteps(reply)
                .text(messages.format("pool.result.logs", log.deployCount(), log.errorCount(), context.taskCode()));
    }

    /**
     * Runs a pool task's steps that change the estate ({@link TaskRun#guarded}); afterwards, whatever happened, the
     * cached inventory no longer matches the site and is refreshed.
     */
    protected TaskOutcome changingInventory(Supplier<TaskOutcome> steps, Supplier<String> leftInPlace) {
        try {
            return run.guarded(steps, leftInPlace);
        } finally {
            inventory.refresh(site);
        }
    }
}
