package io.vdibot.core.command;

import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.spec.VdiRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which handler answers each command, found by the command's request type. Built once at start-up from every
 * {@link CommandSpec} and every handler bean; a command without exactly one handler of the right kind stops the
 * bot from starting, so a missing piece is found at start, not when a user first types the command.
 */
public final class HandlerRegistry {

    private final Map<Class<?>, TaskHandler<?>> tasks = new HashMap<>();
    private final Map<Class<?>, QueryHandler<?>> queries = new HashMap<>();

    public HandlerRegistry(CommandRegistry commands, Collection<? extends TaskHandler<?>> taskHandlers,
            Collection<? extends QueryHandler<?>> queryHandlers) {
        List<String> problems = new ArrayList<>();
        taskHandlers.forEach(h -> index(tasks, h.requestType(), h, problems));
        queryHandlers.forEach(h -> index(queries, h.requestType(), h, problems));
        for (CommandSpec<?> spec : commands.all()) {
            Class<?> type = spec.requestType();
            boolean task = spec.isTask();
            if (!(task ? tasks : queries).containsKey(type)) {
                problems.add("command " + spec.id() + " has no " + (task ? "task" : "query") + " handler for "
                        + type.getSimpleName());
            }
            if ((task ? queries : tasks).containsKey(type)) {
                problems.add("command " + spec.id() + " is a " + (task ? "task" : "query") + " but has a "
                        + (task ? "query" : "task") + " handler");
            }
        }
        List<Class<?>> known = commands.all().stream().<Class<?>>map(CommandSpec::requestType).toList();
        tasks.keySet().stream().filter(t -> !known.contains(t))
                .forEach(t -> problems.add("handler for " + t.getSimpleName() + " has no command spec"));
        queries.keySet().stream().filter(t -> !known.contains(t))
                .forEach(t -> problems.add("handler for " + t.getSimpleName() + " has no command spec"));
        if (!problems.isEmpty()) {
            throw new IncompleteCommandsException(problems);
        }
    }

    /** The handler of a task request; every task command has one, checked at start-up. */
    @SuppressWarnings("unchecked")
    public <R extends TaskRequest> TaskHandler<R> taskHandler(R request) {
        return (TaskHandler<R>) require(tasks, request.getClass());
    }

    /** The handler of a request that does not become a task. */
    @SuppressWarnings("unchecked")
    public <R extends VdiRequest> QueryHandler<R> queryHandler(R request) {
        return (QueryHandler<R>) require(queries, request.getClass());
    }

    private static <H> H require(Map<Class<?>, H> handlers, Class<?> type) {
        H handler = handlers.get(type);
        if (handler == null) {
            throw new IllegalArgumentException("no handler for " + type.getName());
        }
        return handler;
    }

    private static <H> void index(Map<Class<?>, H> handlers, Class<?> type, H handler, List<String> problems) {
        H before = handlers.put(type, handler);
        if (before != null) {
            problems.add(type.getSimpleName() + " has two handlers, " + before.getClass().getSimpleName() + " and "
                    + handler.getClass().getSimpleName());
        }
    }
}
