package io.vdibot.rhev.vm;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.vm.VmPowerRequest;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.task.CorrelatedJobs;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code vm.start}, {@code vm.stop}, {@code vm.shutdown} and {@code vm.reboot}: one handler per row of
 * {@link VmPower}. Steps: {@code preflight} (engine reachable, the VM known, one of that name, its status allowing
 * the action), {@code <verb>-vm} (sent once per correlation id), then the row's waits ({@code wait-up},
 * {@code wait-down}, {@code wait-rebooting}, {@code wait-ip}). A pool's VM may be started and stopped like any other.
 */
public final class VmPowerHandler<R extends VmPowerRequest> implements TaskHandler<R> {

    private final VmPower power;
    private final Class<R> requestType;
    private final Services services;

    /** What every power run uses. */
    record Services(InventoryCache inventory, VmActions vms, CorrelatedJobs jobs, VmPowerTimings timings, Clock clock,
                    Poller poller) {
    }

    private VmPowerHandler(VmPower power, Class<R> requestType, Services services) {
        this.power = power;
        this.requestType = requestType;
        this.services = services;
    }

    /** The four handlers, one per row of the table. */
    public static List<TaskHandler<?>> all(InventoryCache inventory, VmPowerTimings timings, Clock clock,
            Sleeper sleeper) {
        Objects.requireNonNull(inventory, "inventory");
        Services services = new Services(inventory, new VmActions(inventory.queries()),
                new CorrelatedJobs(inventory.queries().calls()), Objects.requireNonNull(timings, "timings"),
                Objects.requireNonNull(clock, "clock"), new Poller(clock, sleeper));
        return Arrays.stream(VmPower.values()).<TaskHandler<?>>map(row -> of(row, services)).toList();
    }

    public static List<TaskHandler<?>> all(InventoryCache inventory) {
        return all(inventory, VmPowerTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    private static <R extends VmPowerRequest> VmPowerHandler<R> of(VmPower row, Services services) {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) row.requestType;
        return new VmPowerHandler<>(row, type, services);
    }

    @Override
    public Class<R> requestType() {
        return requestType;
    }

    /**
     * What the cached inventory already says; a refusal is checked once more after a refresh, since a VM started
     * or stopped a moment ago may still be listed as it was.
     */
    @Override
    public List<Violation> validate(R request, String site) {
        InventoryCache inventory = services.inventory();
        List<Violation> violations = check(power, inventory.vmsNamed(site, request.name()), request.name(), site);
        if (violations.isEmpty()) {
            return violations;
        }
        inventory.refresh(site);
        return check(power, inventory.vmsNamed(site, request.name()), request.name(), site);
    }

    @Override
    public TaskOutcome execute(R request, TaskContext context) {
        return new VmPowerRun(power, request, context, services).execute();
    }

    /**
     * What stands in the way of {@code power} on the VMs named {@code name}: none there, several (names are unique
     * per data center only, and the bot does not guess), nothing to do, or a status the action is not for.
     */
    static List<Violation> check(VmPower power, List<VmInfo> named, String name, String site) {
        if (named.isEmpty()) {
            return List.of(Violation.of("name", "validate.vm-unknown", name, site));
        }
        if (named.size() > 1) {
            return List.of(Violation.of("name", "vm.power.ambiguous", named.size(), name, site));
        }
        String status = named.get(0).status();
        if (power.idle(status)) {
            return List.of(Violation.of("name", power.idleKey(), name, EngineTerm.VM_STATUS.of(status)));
        }
        if (!power.allowedFrom(status)) {
            return List.of(Violation.of("name", power.family() + ".refused", name, EngineTerm.VM_STATUS.of(status)));
        }
        return List.of();
    }
}
