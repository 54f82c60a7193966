package io.vdibot.commands.vm;

import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.spec.TaskRequest;

import java.util.List;
import java.util.Objects;

/**
 * {@code vm snapshot NAME [description=TEXT] [memory=true|false] [site=S] [at=WHEN]}: takes a snapshot of the VM
 * and waits until the engine has it.
 *
 * @param description the snapshot's description, {@code null} = one the bot makes up from the time asked for
 * @param memory      save the memory of a running VM with it; {@code null} = the engine's default (yes)
 */
public record VmSnapshotRequest(String name, String description, Boolean memory, String site, Schedule runAt)
        implements TaskRequest {

    public static final String COMMAND_ID = "vm.snapshot";

    public VmSnapshotRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }

    @Override
    public List<String> keyArguments() {
        return TaskRequest.arguments("description", description);
    }
}
