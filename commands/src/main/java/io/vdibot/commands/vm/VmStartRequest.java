package io.vdibot.commands.vm;

import io.vdibot.commands.schedule.Schedule;

import java.util.Objects;

/** {@code vm start NAME [site=S] [at=WHEN]}: starts the VM and waits until it is up. */
public record VmStartRequest(String name, String site, Schedule runAt) implements VmPowerRequest {

    public static final String COMMAND_ID = "vm.start";

    public VmStartRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
