package io.vdibot.core.task;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.spec.TaskRequest;
import java.util.List;

/**
 * The fast checks of a request against live inventory, before a task is accepted (template exists,
 * name free…). Slow and final checks are the executor's preflight, run again when the task starts.
 */
public interface TaskValidator {

    boolean validates(TaskRequest request);

    /** Problems in the requester's language; empty when the request may be accepted. */
    List<String> problems(TaskRequest request, String site, Messages messages);
}
