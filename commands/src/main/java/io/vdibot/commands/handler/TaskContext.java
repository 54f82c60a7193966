package io.vdibot.commands.handler;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.spec.TaskRequest;
import java.time.ZoneId;

/** What an executor gets to run one task: the request, where to run it, its journal, log and thread. */
public interface TaskContext {

    /** The user-visible task id, e.g. {@code T1042}. */
    String taskCode();

    TaskRequest request();

    /** The site the task acts on, already resolved from the request or the default. */
    String site();

    /** The requester's language, for everything the executor writes to the thread. */
    Messages messages();

    /** The requester's time zone, for times shown in the thread. */
    ZoneId zone();

    StepJournal steps();

    TaskLog log();

    /** Progress and milestones for the request's thread; progress updates are coalesced by the core. */
    ProgressSink progress();

    /** True once the task was resumed after its node died; executors re-check the estate before acting. */
    boolean resumed();
}
