package io.vdibot.commands.vm;

import io.vdibot.commands.schedule.Schedule;

import java.util.Objects;

/** {@code vm reboot NAME [site=S] [at=WHEN]}: asks the running VM to reboot and waits until it is up again. */
public record VmRebootRequest(String name, String site, Schedule runAt) implements VmPowerRequest {

    public static final String COMMAND_ID = "vm.reboot";

    public VmRebootRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
