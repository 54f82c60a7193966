package io.vdibot.commands.pool;

import io.vdibot.commands.spec.OwnedObjectChange;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;
import java.util.Objects;

/**
 * {@code pool update NAME [description=…] [prestarted=N] [max-per-user=N] [site=S] [at=WHEN]}; {@code null} means
 * "leave as it is", and at least one change is present.
 */
public record PoolUpdateRequest(String name, String description, Integer prestarted, Integer maxPerUser,
                                String site, Schedule runAt) implements OwnedObjectChange {

    public static final String COMMAND_ID = "pool.update";

    public PoolUpdateRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runAt, "runAt");
        if (description == null && prestarted == null && maxPerUser == null) {
            throw new IllegalArgumentException("a pool update changes at least one thing");
        }
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }

    @Override
    public List<String> keyArguments() {
        return TaskRequest.arguments("description", description, "prestarted", prestarted, "max-per-user",
                maxPerUser);
    }
}
