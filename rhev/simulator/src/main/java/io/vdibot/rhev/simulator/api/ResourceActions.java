package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.List;

/**
 * The {@code <actions>} links of a resource: the actions the simulator serves for it that the
 * engine would accept in the object's current state (a VM that is down offers start, not stop).
 * The lists are shared constants, so a listing of thousands of VMs builds none.
 */
final class ResourceActions {

    private static final List<String> VM_DOWN = List.of("export", "start");
    private static final List<String> VM_DOWN_POOLED = List.of("detach", "start");
    private static final List<String> VM_UP = List.of("reboot", "shutdown", "stop", "suspend");
    private static final List<String> VM_STARTING = List.of("reboot", "shutdown", "stop");
    private static final List<String> VM_RUNNING_OTHER = List.of("shutdown", "stop");
    private static final List<String> VM_SUSPENDED = List.of("start", "stop");
    static final List<String> TEMPLATE = List.of("export");
    static final List<String> NONE = List.of();

    private ResourceActions() {
    }

    static List<String> of(VmEntity vm) {
        return switch (vm.status) {
            case "down" -> vm.poolId == null ? VM_DOWN : VM_DOWN_POOLED;
            case "up" -> VM_UP;
            case "powering_up" -> VM_STARTING;
            case "suspended" -> VM_SUSPENDED;
            case "image_locked", "powering_down" -> NONE;
            default -> VM_RUNNING_OTHER;
        };
    }
}
