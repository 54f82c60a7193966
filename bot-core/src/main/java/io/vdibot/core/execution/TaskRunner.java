package io.vdibot.core.execution;

import io.vdibot.commands.i18n.Durations;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.handler.ResourceBusy;
import io.vdibot.commands.handler.TaskCancelled;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskLog;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.command.HandlerRegistry;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.notify.OnCallNotices;
import io.vdibot.core.pipeline.WorkTracker;
import io.vdibot.core.intake.DatabaseRetry;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.core.metrics.TaskMeters;
import io.vdibot.persistence.task.TaskCancelRequests;
import io.vdibot.persistence.task.TaskLogRepository;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.persistence.task.TaskStepRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a task once its trigger fires or its node died: claims it (so no two nodes run it), runs its
 * executor against a journal, a log and a throttled status message, then records the outcome, posts
 * the result in the thread and tells the on-call people.
 *
 * <p>A task ends with its result still to be posted ({@link TaskRepository#finish}); once the thread and the on-call
 * people have been told, the result is marked posted. A node killed in between leaves the mark, and another node
 * posts what the task row keeps of the result ({@link #postLeftResult}), so a result is never lost with its node; a
 * node killed after posting but before marking has it posted twice, the lesser harm.
 *
 * <p>Its own writes (claim, journal, logs, finish) go through {@link DatabaseRetry}: a statement the database rolled
 * back to resolve a conflict — an InnoDB deadlock with this node's heartbeat, a Galera certification failure against
 * another node's write — or a connection lost in a failover is retried, instead of failing a task whose work on the
 * engine is done.
 */
public final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final TaskRepository tasks;
    private final TaskStepRepository steps;
    private final TaskLogRepository logs;
    private final TaskCancelRequests cancels;
    private final HandlerRegistry handlers;
    private final Notifiers notifiers;
    private final OnCallNotices onCall;
    private final TaskJson json;
    private final NodeIdentity node;
    private final DatabaseRetry database;
    private final WorkTracker work;
    private final LeaseWaits waits;
    private final RequesterRecheck recheck;
    private final List<TaskSuccessListener> successListeners;
    private final ScheduledExecutorService timer;
    private final Duration progressInterval;
    private final Duration lateAfter;
    private final Locale fallbackLocale;
    private final TaskMeters meters;
    /** When this node began running tasks: a task due before then was missed because no bot was running. */
    private final Instant upSince = Instant.now();

    public TaskRunner(TaskRepository tasks, TaskStepRepository steps, TaskLogRepository logs, TaskCancelRequests cancels,
            HandlerRegistry handlers, Notifiers notifiers, OnCallNotices onCall, TaskJson json, NodeIdentity node,
            DatabaseRetry database, WorkTracker work, LeaseWaits waits, RequesterRecheck recheck,
            List<TaskSuccessListener> successListeners, ScheduledExecutorService timer, Duration progressInterval,
            Duration lateAfter, Locale fallbackLocale, TaskMeters meters) {
        this.tasks = tasks;
        this.steps = steps;
        this.logs = logs;
        this.cancels = cancels;
        this.handlers = handlers;
        this.notifiers = notifiers;
        this.onCall = onCall;
        this.json = json;
        this.node = node;
        this.database = database;
        this.work = work;
        this.waits = waits;
        this.recheck = recheck;
        this.successListeners = List.copyOf(successListeners);
        this.timer = timer;
        this.progressInterval = progressInterval;
        this.lateAfter = lateAfter;
        this.fallbackLocale = fallbackLocale;
        this.meters = meters;
    }

    /** A trigger fired: run the task if it is still scheduled (or waiting to go on) and this node wins the claim. */
    public void runScheduled(long taskId, Instant scheduledFor, Instant firedAt) {
        TaskRecord task = database.call("read T" + taskId, () -> tasks.findById(taskId)).orElse(null);
        boolean startable = task != null
                && (task.status() == TaskStatus.SCHEDULED || task.status() == TaskStatus.WAITING);
        if (!startable || !database.compareAndSet("claim " + task.code(), () -> tasks.claim(taskId, node.id()),
                () -> isMine(taskId, TaskStatus.RUNNING))) {
            return;
        }
        TaskRecord claimed = database.call("read " + task.code(), () -> tasks.findById(taskId)).orElseThrow();
        TaskRequest request = (TaskRequest) json.readRequest(claimed.commandId(), claimed.requestJson());
        // A task approved after its time was due when it was approved, and the approval said it runs now.
        Instant due = claimed.approval().isDecided() && claimed.approval().decidedAt().isAfter(claimed.runAt())
                ? claimed.approval().decidedAt() : claimed.runAt();
        // A task that waited for another one is not late: its thread was told why it waits.
        boolean late = claimed.waiting() == null && !request.runAt().now()
                && Duration.between(due, firedAt).compareTo(lateAfter) > 0;
        // Late because the bot was down, or because this node was busy with tasks due before it?
        String lateKey = !late ? null : due.isBefore(upSince) ? "reply.task.ran-late" : "reply.task.ran-late-busy";
        if (claimed.waiting() == null) {
            meters.scheduleLag(claimed.commandId(), Duration.between(due, Instant.now()));
        }
        run(claimed, request, false, lateKey);
    }

    /** A task whose node died, taken over by this node: resume it from its journal, or give it up. */
    public void resume(TaskRecord task) {
        TaskRequest request = (TaskRequest) json.readRequest(task.commandId(), task.requestJson());
        if (!handlers.taskHandler(request).resumable()) {
            Messages messages = messagesOf(task);
            logOf(task).error(Text.of("task.log.node-stopped", task.claimedBy()), messages);
            end(task, TaskStatus.INTERRUPTED, "interrupted", () -> {
                notifiers.post(threadOf(task), Reply.builder().tone(Reply.Tone.ERROR)
                        .text(messages.format("reply.task.interrupted", task.code(), task.commandId())).build());
                onCall.failed(task, Text.of("task.status.interrupted"),
                        messages.format("task.status.interrupted"));
            });
            return;
        }
        run(task, request, true, null);
    }

    private void run(TaskRecord task, TaskRequest request, boolean resumed, String lateKey) {
        work.started();
        meters.started();
        MDC.put("task", task.code());
        MDC.put("command", task.commandId());
        Messages messages = messagesOf(task);
        ThreadRef thread = threadOf(task);
        ThrottledProgress progress = new ThrottledProgress(thread, notifiers, timer, progressInterval);
        boolean parked = false;
        try {
            Optional<RequesterRecheck.Refusal> refusal = resumed ? Optional.empty()
                    : database.call("recheck " + task.code(), () -> recheck.refusal(task, request, messages));
            if (refusal.isPresent()) {
                refused(task, thread, messages, refusal.get());
                return;
            }
            // taking a lease the task already holds succeeds again, so a retry after a lost answer is safe
            Optional<ResourceBusy> objectBusy = database.call("lease for " + task.code(),
                    () -> waits.takeObject(task, request, messages));
            if (objectBusy.isPresent()) {
                parked = waitFor(task, thread, messages, objectBusy.get());
                return;
            }
            if (lateKey != null) {
                progress.say(Reply.builder().tone(Reply.Tone.WARNING).text(messages.format(
                        lateKey, task.code(), task.commandId(), messages.describe(request.runAt())))
                        .build());
            }
            // the start is how the task is getting on: chat shows it in the status message, not as a message
            progress.say(Reply.builder().kind(Reply.Kind.PROGRESS).text(startedText(task, messages, resumed))
                    .build());
            RunningTask context = new RunningTask(task.code(), request, task.site(), messages, zoneOf(task),
                    new JournaledSteps(task.id(), steps, new StepData(), cancels, database),
                    logOf(task),
                    progress, resumed);
            TaskOutcome outcome = execute(handlers, request, context);
            progress.flushPending();
            end(task, outcome.status(), outcome.summary(), () -> {
                progress.say(outcome.result());
                if (outcome.status() == TaskStatus.FAILED) {
                    onCall.failed(task, outcome.summaryText(), outcome.summary());
                } else {
                    tellSucceeded(task, request);
                    onCall.succeeded(task, outcome.summaryText(), outcome.summary());
                }
            });
        } catch (TaskFailure failure) {
            progress.flushPending();
            fail(task, thread, messages, failure.reason(), failure.getMessage(), failure.cleanedUp(),
                    failure.inErrorLog());
        } catch (TaskCancelled cancelled) {
            progress.flushPending();
            stopped(task, thread, messages, cancelled);
        } catch (ResourceBusy busy) {
            progress.flushPending();
            parked = waitFor(task, thread, messages, busy);
        } catch (RuntimeException unexpected) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("task {} failed unexpectedly, reference {}", task.code(), reference, unexpected);
            fail(task, thread, messages, messages.format("reply.internal-error", reference), null, false);
        } finally {
            if (!parked) {
                database.run("release leases of " + task.code(), () -> waits.ended(task));
            }
            progress.close();
            MDC.clear();
            meters.stopped();
            work.finished();
        }
    }

    /**
     * A finished task whose node stopped before it posted the result: posts what the task row keeps of it (status and
     * summary) in the thread, runs what follows a success, tells the on-call people, and marks the result posted. The
     * full result (tables, files) went with the node; the thread is told where the details are.
     */
    public void postLeftResult(TaskRecord task) {
        MDC.put("task", task.code());
        MDC.put("command", task.commandId());
        try {
            Messages messages = messagesOf(task);
            TaskStatus status = task.status();
            String summary = task.resultSummary() != null ? task.resultSummary() : "";
            boolean succeeded = status == TaskStatus.SUCCEEDED || status == TaskStatus.PARTIALLY_SUCCEEDED;
            Reply.Tone tone = status == TaskStatus.SUCCEEDED ? Reply.Tone.SUCCESS
                    : succeeded || status == TaskStatus.CANCELLED ? Reply.Tone.WARNING : Reply.Tone.ERROR;
            notifiers.post(threadOf(task), Reply.builder().tone(tone)
                    .text(messages.format("reply.task.ended", task.code(), task.commandId(),
                            messages.format(status.messageKey()), summary))
                    .text(messages.format("reply.task.result-left"))
                    .text(messages.format("reply.task.see-logs", task.code()))
                    .build());
            if (succeeded) {
                TaskRequest request = (TaskRequest) json.readRequest(task.commandId(), task.requestJson());
                tellSucceeded(task, request);
                onCall.succeeded(task, null, summary);
            } else if (status == TaskStatus.CANCELLED) {
                onCall.cancelled(task, database.call("read canceller of " + task.code(),
                        () -> cancels.requestedBy(task.id())).orElse("?"));
            } else {
                onCall.failed(task, null, summary);
            }
            LOG.info("posted the result of {} ({}), left by node {}", task.code(), status, task.claimedBy());
            resultPosted(task);
        } finally {
            MDC.clear();
        }
    }

    private void resultPosted(TaskRecord task) {
        database.run("result of " + task.code() + " posted", () -> tasks.resultPosted(task.id()));
    }

    private void tellSucceeded(TaskRecord task, TaskRequest request) {
        for (TaskSuccessListener listener : successListeners) {
            try {
                listener.succeeded(task, request);
            } catch (RuntimeException e) {
                LOG.error("after {} succeeded, {} failed", task.code(), listener.getClass().getSimpleName(), e);
            }
        }
    }

    private static String startedText(TaskRecord task, Messages messages, boolean resumed) {
        if (task.waiting() != null) {
            return messages.format("reply.task.wait-over", task.code(), task.commandId(),
                    Durations.format(Duration.between(task.waiting().since(), Instant.now())));
        }
        return messages.format(resumed ? "reply.task.resumed" : "reply.task.started", task.code(), task.commandId());
    }

    /**
     * Another task holds what this one needs: it waits (the thread is told the first time), or fails once it has
     * waited the longest allowed. True when it waits.
     */
    private boolean waitFor(TaskRecord task, ThreadRef thread, Messages messages, ResourceBusy busy) {
        String holder = busy.holder() != null ? busy.holder() : messages.format("task.lease.another-task");
        if (waits.waitedTooLong(task, busy)) {
            fail(task, thread, messages, messages.format("reply.task.wait-gave-up", busy.what(), holder,
                    Durations.format(waits.waitMax())), null, false);
            return false;
        }
        Optional<Boolean> first = database.call("park " + task.code(), () -> waits.park(task, busy));
        if (first.isEmpty()) {
            return false;
        }
        if (first.get()) {
            Text waiting = Text.of("reply.task.waiting", task.code(), task.commandId(), busy.what(), holder,
                    Durations.format(waits.waitMax()));
            String text = waiting.in(messages);
            logOf(task).deploy(waiting, messages);
            notifiers.post(thread, Reply.builder().kind(Reply.Kind.PROGRESS).tone(Reply.Tone.WARNING).text(text)
                    .build());
        }
        return true;
    }

    private static <R extends TaskRequest> TaskOutcome execute(HandlerRegistry handlers, R request,
            RunningTask context) {
        return handlers.taskHandler(request).execute(request, context);
    }

    /** @param inErrorLog the handler already wrote the reason to the error log: one line per fact, not two */
    private void fail(TaskRecord task, ThreadRef thread, Messages messages, String reason, String cleanedUp,
            boolean inErrorLog) {
        fail(task, thread, messages, null, reason, cleanedUp, inErrorLog);
    }

    /** @param reasonText the reason as a message, for others to read in their language; null when free text */
    private void fail(TaskRecord task, ThreadRef thread, Messages messages, Text reasonText, String reason,
            String cleanedUp, boolean inErrorLog) {
        if (!inErrorLog && reasonText != null) {
            logOf(task).error(reasonText, messages);
        } else if (!inErrorLog) {
            logOf(task).error(reason);
        }
        end(task, TaskStatus.FAILED, reason, () -> {
            Reply.Builder reply = Reply.builder().tone(Reply.Tone.ERROR)
                    .text(messages.format("reply.task.failed", task.code(), task.commandId(), reason));
            if (cleanedUp != null) {
                reply.text(messages.format("reply.task.cleaned-up", cleanedUp));
            }
            reply.text(messages.format("reply.task.see-logs", task.code()));
            notifiers.post(thread, reply.build());
            onCall.failed(task, reasonText, reason);
        });
    }

    /** The requester may no longer do what the task does: it ends before its first step, having changed nothing. */
    private void refused(TaskRecord task, ThreadRef thread, Messages messages, RequesterRecheck.Refusal refusal) {
        String reason = refusal.in(messages);
        logOf(task).error(new Text(refusal.key(), refusal.args()), messages);
        end(task, TaskStatus.REFUSED, reason, () -> {
            notifiers.post(thread, Reply.builder().tone(Reply.Tone.ERROR).text(reason).build());
            onCall.refused(task, refusal.key(), refusal.args());
        });
    }

    /** A running task stopped at a step boundary because someone cancelled it: what it did stays. */
    private void stopped(TaskRecord task, ThreadRef thread, Messages messages, TaskCancelled cancelled) {
        Text said = Text.of("reply.task.cancelled-running", task.code(), task.commandId(), cancelled.cancelledBy());
        String summary = said.in(messages);
        logOf(task).deploy(said, messages);
        end(task, TaskStatus.CANCELLED, summary, () -> {
            Reply.Builder reply = Reply.builder().tone(Reply.Tone.WARNING).text(summary);
            if (cancelled.leftInPlace() != null) {
                logOf(task).deploy(cancelled.leftInPlace());
                reply.text(cancelled.leftInPlace());
            }
            notifiers.post(thread, reply.text(messages.format("reply.task.see-logs", task.code())).build());
            onCall.cancelled(task, cancelled.cancelledBy());
        });
    }

    /**
     * Ends the task with {@code status} and, when this node's compare-and-set moved it, runs {@code tell} (the thread,
     * the on-call people) and marks the result posted: the result is told once, and never lost with this node.
     */
    private void end(TaskRecord task, TaskStatus status, String summary, Runnable tell) {
        if (finish(task, status, summary)) {
            tell.run();
            resultPosted(task);
        }
    }

    /**
     * Records the final status (a compare-and-set: false when the task was no longer running, e.g. another node
     * finished it) and, when this node did, counts and logs it: true for the one caller whose compare-and-set moved
     * it.
     */
    private boolean finish(TaskRecord task, TaskStatus status, String summary) {
        if (!database.compareAndSet("finish " + task.code(), () -> tasks.finish(task.id(), status, summary),
                () -> isMine(task.id(), status))) {
            return false;
        }
        Duration took = task.startedAt() == null ? Duration.ZERO : Duration.between(task.startedAt(), Instant.now());
        meters.finished(task.commandId(), status, took);
        LOG.info("{} ({}) ended {} after {}", task.code(), task.commandId(), status, Durations.format(took));
        return true;
    }

    /** The task is in {@code status} and claimed by this node: what a claim or finish whose answer was lost did. */
    private boolean isMine(long taskId, TaskStatus status) {
        return tasks.findById(taskId).filter(t -> t.status() == status && node.id().equals(t.claimedBy())).isPresent();
    }

    /** The task's deploy and error logs, as its handler writes them. */
    private TaskLog logOf(TaskRecord task) {
        return new PersistentTaskLog(task.id(), logs, database);
    }

    private ThreadRef threadOf(TaskRecord task) {
        return json.readThread(task.threadRefJson()).withTask(task.code());
    }

    private Messages messagesOf(TaskRecord task) {
        return Messages.forLocale(task.locale() != null ? task.locale() : fallbackLocale);
    }

    private static ZoneId zoneOf(TaskRecord task) {
        return task.timeZone() != null ? task.timeZone() : ZoneId.of("UTC");
    }
}
