package io.vdibot.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vdibot.commands.handler.TaskStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The life of tasks as meters: accepted at intake ({@code vdibot.tasks.accepted}), late to start
 * ({@code vdibot.task.schedule.lag}), running on this node ({@code vdibot.tasks.running}), finished
 * ({@code vdibot.tasks.finished}, {@code vdibot.task.duration}). Command ids ({@code vm.create}) and outcomes
 * (lower-case statuses) are short, fixed lists, so they are tags.
 */
public final class TaskMeters {

    /** What intake did with a request. */
    public enum Intake { SCHEDULED, PENDING_APPROVAL, REFUSED }

    private final MeterRegistry registry;
    private final AtomicInteger running = new AtomicInteger();

    public TaskMeters(MeterRegistry registry, String node) {
        this.registry = registry;
        Gauge.builder("vdibot.tasks.running", running, AtomicInteger::get)
                .description("Tasks running on this node now").tag("node", node).register(registry);
    }

    public void accepted(String command, Intake outcome) {
        Counter.builder("vdibot.tasks.accepted")
                .description("Task requests at intake: scheduled, waiting for an approver, or refused")
                .tags("command", command, "outcome", lowerCase(outcome.name())).register(registry).increment();
    }

    /** From the time a task was due (its run time, or its approval when that came later) to its start. */
    public void scheduleLag(String command, Duration lag) {
        Timer.builder("vdibot.task.schedule.lag")
                .description("From the time a task was due to the time it started")
                .tag("command", command)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    public void started() {
        running.incrementAndGet();
    }

    public void stopped() {
        running.decrementAndGet();
    }

    /** A task reached its final status; {@code took} runs from its first start, so a resumed task counts whole. */
    public void finished(String command, TaskStatus status, Duration took) {
        String outcome = lowerCase(status.name());
        Counter.builder("vdibot.tasks.finished").description("Tasks that reached a final status")
                .tags("command", command, "outcome", outcome).register(registry).increment();
        Timer.builder("vdibot.task.duration").description("From a task's start to its final status")
                .tags("command", command, "outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(4))
                .register(registry).record(took.isNegative() ? Duration.ZERO : took);
    }

    private static String lowerCase(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
