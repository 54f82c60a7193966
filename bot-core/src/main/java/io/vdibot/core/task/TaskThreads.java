package io.vdibot.core.task;

import io.vdibot.commands.port.ThreadRef;
import java.util.HashMap;
import java.util.Map;

/** A task's thread is the request's thread tagged with the task id, so adapters can label every line. */
public final class TaskThreads {

    public static final String TASK_EXTRA = "task";

    private TaskThreads() {
    }

    public static ThreadRef of(ThreadRef requestThread, String taskCode) {
        Map<String, String> extras = new HashMap<>(requestThread.extras());
        extras.put(TASK_EXTRA, taskCode);
        return new ThreadRef(requestThread.platform(), requestThread.channelId(), requestThread.threadId(), extras);
    }
}
