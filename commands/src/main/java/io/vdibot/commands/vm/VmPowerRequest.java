package io.vdibot.commands.vm;

import io.vdibot.commands.spec.TaskRequest;

/**
 * The VM power commands ({@code vm start|stop|shutdown|reboot NAME [site=S] [at=WHEN]}): one VM by name, one
 * action. They share their arguments, so one handler runs all four.
 */
public sealed interface VmPowerRequest extends TaskRequest
        permits VmStartRequest, VmStopRequest, VmShutdownRequest, VmRebootRequest {
}
