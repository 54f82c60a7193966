package io.vdibot.rhev.task;

import io.vdibot.commands.i18n.Durations;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskCancelled;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskLog;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.reply.Reply;
import io.vdibot.rhev.call.EngineException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The skeleton every handler's run shares: journaled steps with progress and timings, failures in the requester's
 * language (the failed step logged, what was left in place named), and the steps table of the result, where a step
 * completed before a restart shows as such. Step labels are message keys {@code <family>.step.<step>}; a step ending
 * in a number ({@code grow-2}) is the family's {@code <family>.step.grow} with that number.
 */
public final class TaskRun {

    private final TaskContext context;
    private final Messages messages;
    private final String family;
    private final StepRunner steps;
    private final CountingLog log;

    /** @param family the prefix of the run's message keys, e.g. {@code vm.create} */
    public TaskRun(TaskContext context, Clock clock, String family) {
        this.context = context;
        this.messages = context.messages();
        this.family = family;
        this.steps = new StepRunner(context, clock);
        this.log = new CountingLog(context.log());
    }

    /** Runs {@code action} as journaled step {@code step} unless it completed before a restart. */
    public String step(String step, String progress, Supplier<String> action) {
        return steps.run(step, progress, action);
    }

    /** The task's log, counting what this run wrote. */
    public CountingLog log() {
        return log;
    }

    /** Writes a deploy log line from the bundle. */
    public void deploy(String key, Object... args) {
        log.deploy(Text.of(key, args), messages);
    }

    /** Fails with the first of {@code violations} (a handler's checks made again at preflight); none, nothing. */
    public void failOnAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw fail(first.key(), first.args().toArray());
        }
    }

    /** A failure the requester reads as it is. */
    public TaskFailure fail(String key, Object... args) {
        return new TaskFailure(Text.of(key, args), messages);
    }

    /**
     * Fails with a check's refusal, if there is one: a check asked before the task was accepted and again when it
     * runs, because the estate changes while a task waits, reads the same both times.
     */
    public void refuse(Optional<Violation> refusal) {
        if (refusal.isPresent()) {
            throw fail(refusal.get().key(), refusal.get().args().toArray());
        }
    }

    /** A failure as the requester reads it: our own messages as they are, the engine's words explained. */
    public String reasonOf(RuntimeException failure) {
        if (failure instanceof EngineException engine) {
            return EngineTexts.explain(messages, engine);
        }
        return failure.getMessage();
    }

    /** Records in the error log which step failed and why. */
    public void logStepFailed(String reason) {
        logStepFailed((Object) reason);
    }

    /** @param reason why, as a message ({@link Text}) or as text in the requester's language */
    private void logStepFailed(Object reason) {
        String step = steps.current();
        log.error(Text.of("task.step.failed", step == null ? "-" : labelText(step), reason), messages);
    }

    /**
     * The failure of the running step: logged (and marked so, for the core not to log it again), and with {@code leftInPlace} (what the task created and keeps, or
     * null) added to the reason. Nothing is deleted on failure: what was created holds what is needed to find out
     * what went wrong.
     */
    public TaskFailure failed(RuntimeException failure, String leftInPlace) {
        String reason = reasonOf(failure);
        logStepFailed(failure instanceof TaskFailure ours && ours.reason() != null ? ours.reason() : reason);
        if (leftInPlace == null) {
            return new TaskFailure(reason, null, failure, true);
        }
        log.error(leftInPlace);
        return new TaskFailure(reason + " " + leftInPlace, null, failure, true);
    }

    /**
     * Runs a task's steps: our own failures and the engine's are turned into {@link #failed}, and a cancellation
     * between two steps keeps its course; both carry what {@code leftInPlace} names at that moment (null: nothing).
     */
    public TaskOutcome guarded(Supplier<TaskOutcome> steps, Supplier<String> leftInPlace) {
        try {
            return steps.get();
        } catch (TaskFailure | EngineException failure) {
            throw failed(failure, leftInPlace.get());
        } catch (TaskCancelled cancelled) {
            throw cancelled.leaving(leftInPlace.get());
        }
    }

    /** The label of a step for logs and the steps table. */
    public String label(String step) {
        return labelText(step).in(messages);
    }

    private Text labelText(String step) {
        return stepLabel(family, step);
    }

    /**
     * The label of a run's step as a message: {@code <family>.step.<step>}, where a step ending in a number
     * ({@code grow-2}) is the family's {@code grow} with that number.
     */
    public static Text stepLabel(String family, String step) {
        int dash = step.lastIndexOf('-');
        if (dash > 0 && step.substring(dash + 1).matches("\\d+")) {
            return Text.of(family + ".step." + step.substring(0, dash), Integer.parseInt(step.substring(dash + 1)));
        }
        return Text.of(family + ".step." + step);
    }

    /** Adds the steps of this run with their durations to a result. */
    public Reply.Builder appendSteps(Reply.Builder reply) {
        List<List<String>> rows = new ArrayList<>();
        for (StepRunner.StepRecord record : steps.records()) {
            rows.add(List.of(label(record.step()), record.duration() == null
                    ? messages.format("task.step.done-before") : Durations.format(record.duration())));
        }
        return reply.text(messages.format("task.step.title"))
                .table(List.of(messages.format("task.step.name"), messages.format("task.step.duration")), rows);
    }

    /** The task's log, counting what a run wrote for the summary in its result. */
    public static final class CountingLog implements TaskLog {
        private final TaskLog log;
        private int deploy;
        private int error;

        CountingLog(TaskLog log) {
            this.log = log;
        }

        @Override
        public synchronized void deploy(String message) {
            deploy++;
            log.deploy(message);
        }

        @Override
        public synchronized void error(String message) {
            error++;
            log.error(message);
        }

        @Override
        public synchronized void deploy(Text message, Messages requester) {
            deploy++;
            log.deploy(message, requester);
        }

        @Override
        public synchronized void error(Text message, Messages requester) {
            error++;
            log.error(message, requester);
        }

        public synchronized int deployCount() {
            return deploy;
        }

        public synchronized int errorCount() {
            return error;
        }
    }
}
