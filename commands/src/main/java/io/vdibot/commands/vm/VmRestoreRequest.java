package io.vdibot.commands.vm;

import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.spec.TaskRequest;

import java.util.List;
import java.util.Objects;

/**
 * {@code vm restore NAME snapshot=DESCRIPTION-OR-ID [start=true|false] [site=S] [at=WHEN]}: powers the VM off if
 * it runs, restores the snapshot, and starts the VM again.
 *
 * @param snapshot the snapshot's description or id
 * @param start    start the VM once restored; {@code null} = only if it was running before
 */
public record VmRestoreRequest(String name, String snapshot, Boolean start, String site, Schedule runAt)
        implements TaskRequest {

    public static final String COMMAND_ID = "vm.restore";

    public VmRestoreRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }

    @Override
    public List<String> keyArguments() {
        return TaskRequest.arguments("snapshot", snapshot);
    }
}
