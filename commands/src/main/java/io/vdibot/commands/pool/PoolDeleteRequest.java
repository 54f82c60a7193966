package io.vdibot.commands.pool;

import io.vdibot.commands.spec.OwnedObjectChange;
import io.vdibot.commands.schedule.Schedule;

import java.util.Objects;

/** {@code pool delete NAME [site=S] [at=WHEN]}: removes the pool and its VMs. */
public record PoolDeleteRequest(String name, String site, Schedule runAt) implements OwnedObjectChange {

    public static final String COMMAND_ID = "pool.delete";

    public PoolDeleteRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
