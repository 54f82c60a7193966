package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.pool.PoolDeleteRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.commands.i18n.Durations;
import java.util.List;
import java.util.Optional;

/**
 * One execution of {@code pool.delete}: the engine powers the pool's VMs off, removes them with their disks and then
 * the pool; the task waits until the pool is gone. Safe to repeat: a pool already being removed is waited for, one
 * already gone counts as deleted.
 */
final class PoolDeleteRun extends PoolRun {

    static final String PREFLIGHT = "preflight";
    static final String REMOVE = "remove-pool";
    static final String WAIT_GONE = "wait-gone";

    private final PoolDeleteRequest request;

    PoolDeleteRun(PoolDeleteRequest request, TaskContext context, PoolServices services) {
        super(context, services);
        this.request = request;
    }

    TaskOutcome execute() {
        return changingInventory(this::runSteps, () -> null);
    }

    private TaskOutcome runSteps() {
        String[] plan = run.step(PREFLIGHT, messages.format("pool.delete.progress.preflight", request.name(),
                site), this::preflight).split(" ");
        int vms = Integer.parseInt(plan[1]);
        PoolInfo target = new PoolInfo(plan[0], request.name(), null, vms, 0, 0, null, false, null, null);
        run.step(REMOVE, messages.format("pool.delete.progress.remove", request.name(), vms),
                () -> remove(target));
        run.step(WAIT_GONE, messages.format("pool.delete.progress.wait", request.name()), () -> awaitGone(target));
        Reply.Builder reply = Reply.builder().tone(Reply.Tone.SUCCESS)
                .heading(messages.format("pool.delete.result.title", request.name()))
                .fields(List.of(new Field(messages.format("pool.field.pool"), request.name()),
                        new Field(messages.format("pool.field.site"), site),
                        new Field(messages.format("pool.field.vms-removed"), Integer.toString(vms))));
        appendStepsAndLogs(reply);
        return TaskOutcome.of(TaskStatus.SUCCEEDED, Text.of("pool.delete.summary", request.name(), site,
                vms), messages, reply.build());
    }

    @Override
    protected RuntimeException vanished() {
        return run.fail("pool.vanished", request.name(), site);
    }

    private String preflight() {
        checkEngine();
        PoolInfo found = requirePool(request.name());
        log.deploy(Text.of("pool.delete.log.preflight", request.name(), found.id(), found.size()), messages);
        return found.id() + " " + found.size();
    }

    private String remove(PoolInfo target) {
        Optional<PoolInfo> now = actions.named(site, target.name()).filter(p -> p.id().equals(target.id()));
        if (now.isEmpty()) {
            log.deploy(Text.of("pool.delete.log.gone-already", target.name()), messages);
            return "gone";
        }
        try {
            actions.remove(site, target.id(), correlationId(REMOVE));
        } catch (EngineException e) {
            // a removal this task asked for before a restart is still under way, or has just finished
            if (!PoolActions.isGone(e) && !e.engineText().contains("is being removed")) {
                throw e;
            }
        }
        log.deploy(Text.of("pool.delete.log.removing", target.name()), messages);
        return "removing";
    }

    private String awaitGone(PoolInfo target) {
        Optional<PoolInfo> left = waits.poolGone(target);
        if (left.isPresent()) {
            throw run.fail("pool.delete.timeout", target.name(), Durations.format(timings.removeTimeout()),
                    left.get().size());
        }
        log.deploy(Text.of("pool.delete.log.gone", target.name()), messages);
        return "gone";
    }
}
