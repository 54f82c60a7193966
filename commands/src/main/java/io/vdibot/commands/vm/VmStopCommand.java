package io.vdibot.commands.vm;

public final class VmStopCommand extends VmPowerCommand<VmStopRequest> {

    public VmStopCommand() {
        super(VmStopRequest.COMMAND_ID, "stop", VmStopRequest.class, VmStopRequest::new);
    }
}
