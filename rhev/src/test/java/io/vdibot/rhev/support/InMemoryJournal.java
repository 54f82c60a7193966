package io.vdibot.rhev.support;

import io.vdibot.commands.handler.StepJournal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A step journal in memory with the persisted journal's semantics, and a way to die inside a step: after
 * {@link #crashAfter(String)} the step's action runs, then the "node dies" before the completion is recorded.
 */
public final class InMemoryJournal implements StepJournal {

    /** The node died. Not a failure of the step: the journal still shows it as started. */
    public static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String step) {
            super("node died inside step " + step);
        }
    }

    private final Map<String, String> completed = new LinkedHashMap<>();
    private final Set<String> started = new LinkedHashSet<>();
    private final List<String> executed = new ArrayList<>();
    private String crashAfter;

    public synchronized InMemoryJournal crashAfter(String step) {
        this.crashAfter = step;
        return this;
    }

    /** Records {@code step} as completed with {@code result}, as a previous run would have. */
    public synchronized InMemoryJournal completed(String step, String result) {
        started.add(step);
        completed.put(step, result);
        return this;
    }

    @Override
    public String run(String key, Supplier<String> action) {
        synchronized (this) {
            if (completed.containsKey(key)) {
                return completed.get(key);
            }
            started.add(key);
            executed.add(key);
        }
        String result = action.get();
        synchronized (this) {
            if (key.equals(crashAfter)) {
                crashAfter = null;
                throw new SimulatedCrash(key);
            }
            completed.put(key, result);
        }
        return result;
    }

    @Override
    public synchronized Optional<String> result(String key) {
        return Optional.ofNullable(completed.get(key));
    }

    @Override
    public synchronized boolean interruptedInside(String key) {
        return started.contains(key) && !completed.containsKey(key);
    }

    /** The steps whose action ran, in order (a step that ran twice appears twice). */
    public synchronized List<String> executed() {
        return List.copyOf(executed);
    }

    public synchronized Map<String, String> completedSteps() {
        return Map.copyOf(completed);
    }
}
