package io.vdibot.commands.vm;

import io.vdibot.commands.schedule.Schedule;

import java.util.Objects;

/** {@code vm shutdown NAME [site=S] [at=WHEN]}: asks the guest OS to shut down and waits until the VM is down. */
public record VmShutdownRequest(String name, String site, Schedule runAt) implements VmPowerRequest {

    public static final String COMMAND_ID = "vm.shutdown";

    public VmShutdownRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
