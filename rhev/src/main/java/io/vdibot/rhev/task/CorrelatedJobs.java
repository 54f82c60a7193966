package io.vdibot.rhev.task;

import io.vdibot.rhev.call.EngineCalls;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.LogSeverity;

/**
 * What became of the engine commands sent with one correlation id. The engine tags a command's jobs and events
 * with it; jobs are purged a while after they end (10 minutes when finished, an hour when failed), events stay
 * for weeks, so a correlation id whose job is gone but whose events remain belongs to a command that ended.
 */
public final class CorrelatedJobs {

    public enum State {
        /** Nothing was ever sent with this correlation id. */
        NONE,
        RUNNING,
        FINISHED,
        FAILED
    }

    /** @param engineText for a failure, what the engine said about it (its error events), never null */
    public record Outcome(State state, String engineText) {
    }

    private static final Set<JobStatus> FAILED = Set.of(JobStatus.FAILED, JobStatus.ABORTED);
    private static final Set<LogSeverity> ERRORS = Set.of(LogSeverity.ERROR, LogSeverity.ALERT);

    private final EngineCalls calls;

    public CorrelatedJobs(EngineCalls calls) {
        this.calls = calls;
    }

    public Outcome of(String site, String correlationId) {
        return calls.call(site, "look up the jobs of " + correlationId, connection -> {
            var system = connection.systemService();
            List<Job> jobs = system.jobsService().list().search("correlation_id=" + correlationId).send().jobs();
            if (jobs.stream().anyMatch(j -> j.status() == JobStatus.STARTED || j.status() == null)) {
                return new Outcome(State.RUNNING, "");
            }
            List<Event> events = system.eventsService().list().search("correlation_id=" + correlationId).send()
                    .events();
            String errors = events.stream().filter(e -> ERRORS.contains(e.severity()))
                    .sorted(Comparator.comparing(e -> e.indexPresent() ? e.indexAsLong() : 0L))
                    .map(Event::description).collect(Collectors.joining("; "));
            if (jobs.stream().anyMatch(j -> FAILED.contains(j.status()))) {
                String described = jobs.stream().filter(j -> FAILED.contains(j.status())).map(Job::description)
                        .collect(Collectors.joining("; "));
                return new Outcome(State.FAILED, errors.isEmpty() ? described : errors);
            }
            if (!jobs.isEmpty()) {
                return new Outcome(State.FINISHED, "");
            }
            if (events.isEmpty()) {
                return new Outcome(State.NONE, "");
            }
            return errors.isEmpty() ? new Outcome(State.FINISHED, "") : new Outcome(State.FAILED, errors);
        });
    }
}
