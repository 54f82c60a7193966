package io.vdibot.core.execution;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.handler.ProgressSink;
import io.vdibot.commands.handler.StepJournal;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskLog;
import java.time.ZoneId;

/** The context one executor run gets. */
record RunningTask(String taskCode, TaskRequest request, String site, Messages messages, ZoneId zone,
        StepJournal steps, TaskLog log, ProgressSink progress, boolean resumed) implements TaskContext {
}
