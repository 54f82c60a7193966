package io.vdibot.commands.vm;

import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.spec.TaskRequest;

import java.util.Objects;

/** {@code vm delete NAME [site=S] [at=WHEN]}: stops the VM if it runs, then removes it with its disks. */
public record VmDeleteRequest(String name, String site, Schedule runAt) implements TaskRequest {

    public static final String COMMAND_ID = "vm.delete";

    public VmDeleteRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
