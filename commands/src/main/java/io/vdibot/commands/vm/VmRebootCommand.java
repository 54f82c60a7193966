package io.vdibot.commands.vm;

public final class VmRebootCommand extends VmPowerCommand<VmRebootRequest> {

    public VmRebootCommand() {
        super(VmRebootRequest.COMMAND_ID, "reboot", VmRebootRequest.class, VmRebootRequest::new);
    }
}
