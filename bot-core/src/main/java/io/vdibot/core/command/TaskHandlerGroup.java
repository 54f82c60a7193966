package io.vdibot.core.command;

import io.vdibot.commands.handler.TaskHandler;
import java.util.List;

/**
 * Task handlers a feature builds from one table (the pool commands), declared as one bean: Spring collects single
 * {@link TaskHandler} beans and these groups alike into the {@link HandlerRegistry}.
 */
public record TaskHandlerGroup(List<TaskHandler<?>> handlers) {

    public TaskHandlerGroup {
        handlers = List.copyOf(handlers);
    }
}
