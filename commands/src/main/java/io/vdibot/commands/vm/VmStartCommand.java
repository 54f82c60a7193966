package io.vdibot.commands.vm;

public final class VmStartCommand extends VmPowerCommand<VmStartRequest> {

    public VmStartCommand() {
        super(VmStartRequest.COMMAND_ID, "start", VmStartRequest.class, VmStartRequest::new);
    }
}
