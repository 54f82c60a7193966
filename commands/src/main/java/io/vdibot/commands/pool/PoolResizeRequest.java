package io.vdibot.commands.pool;

import io.vdibot.commands.spec.OwnedObjectChange;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;
import java.util.Objects;

/** {@code pool resize NAME size=N [site=S] [at=WHEN]}: the pool's new number of VMs. */
public record PoolResizeRequest(String name, int size, String site, Schedule runAt) implements OwnedObjectChange {

    public static final String COMMAND_ID = "pool.resize";

    public PoolResizeRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }

    @Override
    public List<String> keyArguments() {
        return TaskRequest.arguments("size", size);
    }
}
