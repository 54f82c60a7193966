package io.vdibot.commands.vm;

import io.vdibot.commands.schedule.Schedule;

import java.util.Objects;

/** {@code vm stop NAME [site=S] [at=WHEN]}: powers the VM off at once, like pulling the plug. */
public record VmStopRequest(String name, String site, Schedule runAt) implements VmPowerRequest {

    public static final String COMMAND_ID = "vm.stop";

    public VmStopRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
