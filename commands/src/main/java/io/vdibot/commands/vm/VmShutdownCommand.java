package io.vdibot.commands.vm;

public final class VmShutdownCommand extends VmPowerCommand<VmShutdownRequest> {

    public VmShutdownCommand() {
        super(VmShutdownRequest.COMMAND_ID, "shutdown", VmShutdownRequest.class, VmShutdownRequest::new);
    }
}
