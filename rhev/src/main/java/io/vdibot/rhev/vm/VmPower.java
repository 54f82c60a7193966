package io.vdibot.rhev.vm;

import io.vdibot.commands.vm.VmPowerRequest;
import io.vdibot.commands.vm.VmRebootRequest;
import io.vdibot.commands.vm.VmShutdownRequest;
import io.vdibot.commands.vm.VmStartRequest;
import io.vdibot.commands.vm.VmStopRequest;
import io.vdibot.rhev.vm.VmActions.PowerAction;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The power commands as one table: the request, the engine action, the statuses it may be asked in, the status in
 * which there is nothing to do, and what to wait for once it is sent. Message keys are {@code vm.<verb>.*} where
 * the verb matters and {@code vm.power.*} where it does not.
 */
enum VmPower {

    START(VmStartRequest.class, PowerAction.START, Set.of("down", "suspended")::contains, "up",
            List.of(Wait.UP, Wait.IP)),
    STOP(VmStopRequest.class, PowerAction.STOP, VmPower::runs, "down", List.of(Wait.DOWN)),
    SHUTDOWN(VmShutdownRequest.class, PowerAction.SHUTDOWN, VmPower::runs, "down", List.of(Wait.DOWN)),
    REBOOT(VmRebootRequest.class, PowerAction.REBOOT, "up"::equals, "down", List.of(Wait.REBOOTING, Wait.UP));

    /** A wait after the action, each a journaled step. */
    enum Wait {
        /** Status {@code up}; a VM seen down well after the request did not come up. */
        UP("wait-up"),
        DOWN("wait-down"),
        /** The VM seen leaving {@code up}, so that the wait for {@code up} that follows is the reboot's. */
        REBOOTING("wait-rebooting"),
        /** The guest agent's first IPv4 address, if it reports one in time. */
        IP("wait-ip");

        final String step;

        Wait(String step) {
            this.step = step;
        }
    }

    private static final Set<String> NOT_RUNNING = Set.of("down", "powering_down", "image_locked");

    final Class<? extends VmPowerRequest> requestType;
    final PowerAction action;
    final String verb;
    private final Predicate<String> allowedFrom;
    private final String idleStatus;
    final List<Wait> waits;

    VmPower(Class<? extends VmPowerRequest> requestType, PowerAction action, Predicate<String> allowedFrom,
            String idleStatus, List<Wait> waits) {
        this.requestType = requestType;
        this.action = action;
        this.verb = name().toLowerCase(Locale.ROOT);
        this.allowedFrom = allowedFrom;
        this.idleStatus = idleStatus;
        this.waits = waits;
    }

    /** The step that sends the action, also the tail of its correlation id ({@code T1042-start-vm}). */
    String actStep() {
        return verb + "-vm";
    }

    /** The family of the keys that name the verb: {@code vm.start}. */
    String family() {
        return "vm." + verb;
    }

    /** Nothing to do: a start of a VM that is up, a stop of one that is down. */
    boolean idle(String status) {
        return idleStatus.equals(status);
    }

    String idleKey() {
        return "up".equals(idleStatus) ? "vm.power.already-up" : "vm.power.already-down";
    }

    boolean allowedFrom(String status) {
        return allowedFrom.test(status);
    }

    private static boolean runs(String status) {
        return !NOT_RUNNING.contains(status);
    }
}
