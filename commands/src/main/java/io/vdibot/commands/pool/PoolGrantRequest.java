package io.vdibot.commands.pool;

import io.vdibot.commands.spec.OwnedObjectChange;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;
import java.util.Objects;

/** {@code pool grant NAME group=G role=R [site=S] [at=WHEN]}: gives directory group {@code group} the engine role {@code role} on the pool. */
public record PoolGrantRequest(String name, String group, String role, String site, Schedule runAt)
        implements OwnedObjectChange {

    public static final String COMMAND_ID = "pool.grant";

    public PoolGrantRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }

    @Override
    public List<String> keyArguments() {
        return TaskRequest.arguments("group", group, "role", role);
    }
}
