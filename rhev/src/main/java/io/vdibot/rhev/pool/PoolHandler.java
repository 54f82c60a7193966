package io.vdibot.rhev.pool;

import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.spec.TaskRequest;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One pool command, as a row of {@link PoolHandlers}: its request type, the checks made before it is accepted and
 * the run that executes it.
 */
final class PoolHandler<R extends TaskRequest> implements TaskHandler<R> {

    private final Class<R> requestType;
    private final BiFunction<R, String, List<Violation>> checks;
    private final BiFunction<R, TaskContext, TaskOutcome> run;

    PoolHandler(Class<R> requestType, BiFunction<R, String, List<Violation>> checks,
            BiFunction<R, TaskContext, TaskOutcome> run) {
        this.requestType = requestType;
        this.checks = checks;
        this.run = run;
    }

    @Override
    public Class<R> requestType() {
        return requestType;
    }

    @Override
    public List<Violation> validate(R request, String site) {
        return checks.apply(request, site);
    }

    @Override
    public TaskOutcome execute(R request, TaskContext context) {
        return run.apply(request, context);
    }
}
