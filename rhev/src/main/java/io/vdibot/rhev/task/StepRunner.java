package io.vdibot.rhev.task;

import io.vdibot.commands.handler.TaskContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a handler's steps through the task's journal, posting a progress line before each step that still has
 * to run and timing it for the log summary. A step the journal reports as completed (before a restart) is not
 * run again and appears in the summary without a duration.
 */
public final class StepRunner {

    /** One line of the summary. @param duration null when the step had completed before a restart */
    public record StepRecord(String step, Duration duration) {
    }

    private final TaskContext context;
    private final Clock clock;
    private final List<StepRecord> records = new ArrayList<>();
    private volatile String current;

    public StepRunner(TaskContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    /**
     * Runs {@code action} as journaled step {@code step} unless it completed before.
     *
     * @param progress the status line shown in the thread while the step runs
     * @return the step's result, recorded in the journal
     */
    public String run(String step, String progress, Supplier<String> action) {
        boolean completedBefore = context.steps().result(step).isPresent();
        current = step;
        if (!completedBefore) {
            context.progress().progress(progress);
        }
        Instant started = clock.instant();
        String result = context.steps().run(step, action);
        records.add(new StepRecord(step, completedBefore ? null : Duration.between(started, clock.instant())));
        current = null;
        return result;
    }

    /** The step running now, or null between steps. */
    public String current() {
        return current;
    }

    public List<StepRecord> records() {
        return List.copyOf(records);
    }
}
