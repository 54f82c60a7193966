package io.vdibot.rhev.vm;

import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.vm.VmCreateRequest;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code vm.create}: a VM from a template, started, with its IP address. Steps: {@code preflight} (engine
 * reachable, template usable, cluster known, name free), {@code create-vm}, {@code wait-created},
 * {@code start-vm}, {@code wait-up}, {@code wait-ip}. Every step is journaled and safe to repeat, so a task
 * resumed after a crash picks up the VM it already created.
 */
public final class VmCreateHandler implements TaskHandler<VmCreateRequest> {

    private final InventoryCache inventory;
    private final VmActions vms;
    private final VmCreateTimings timings;
    private final Clock clock;
    private final Poller poller;

    public VmCreateHandler(InventoryCache inventory, VmCreateTimings timings, Clock clock, Sleeper sleeper) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.vms = new VmActions(inventory.queries());
        this.timings = Objects.requireNonNull(timings, "timings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = new Poller(clock, sleeper);
    }

    public VmCreateHandler(InventoryCache inventory) {
        this(inventory, VmCreateTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    public Class<VmCreateRequest> requestType() {
        return VmCreateRequest.class;
    }

    /** The template and cluster exist and the name is free at the site. */
    @Override
    public List<Violation> validate(VmCreateRequest request, String site) {
        List<Violation> violations = new ArrayList<>();
        if (!inventory.exists(site, InventoryKind.TEMPLATES, request.template())) {
            violations.add(Violation.of("template", "validate.template-unknown", request.template(), site));
        }
        if (request.cluster() != null && !inventory.exists(site, InventoryKind.CLUSTERS, request.cluster())) {
            violations.add(Violation.of("cluster", "validate.cluster-unknown", request.cluster(), site));
        }
        if (inventory.exists(site, InventoryKind.VMS, request.name())) {
            violations.add(Violation.of("name", "validate.name-taken", request.name(), site));
        }
        return violations;
    }

    @Override
    public TaskOutcome execute(VmCreateRequest request, TaskContext context) {
        return new VmCreateRun(request, context, inventory, vms, timings, clock, poller).execute();
    }
}
