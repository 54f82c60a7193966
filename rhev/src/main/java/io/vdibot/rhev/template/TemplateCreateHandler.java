package io.vdibot.rhev.template;

import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.template.TemplateCreateRequest;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.task.CorrelatedJobs;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code template.create}: a template from a down VM, or a new version of an existing template. Steps:
 * {@code preflight} (engine reachable, VM, cluster, storage domain and base template known, name free, the VM down
 * or to be shut down, no Windows VM to seal), {@code stop-vm} (only with {@code stop=true}), {@code create-template},
 * {@code wait-ok}. Every step is journaled and safe to repeat: a resumed task finds the
 * template it created by name and the task code in its description.
 */
public final class TemplateCreateHandler implements TaskHandler<TemplateCreateRequest> {

    private final InventoryCache inventory;
    private final TemplateActions templates;
    private final CorrelatedJobs jobs;
    private final TemplateTimings timings;
    private final Clock clock;
    private final Poller poller;

    public TemplateCreateHandler(InventoryCache inventory, TemplateTimings timings, Clock clock, Sleeper sleeper) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.templates = new TemplateActions(inventory.queries());
        this.jobs = new CorrelatedJobs(inventory.queries().calls());
        this.timings = Objects.requireNonNull(timings, "timings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = new Poller(clock, sleeper);
    }

    public TemplateCreateHandler(InventoryCache inventory) {
        this(inventory, TemplateTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    public Class<TemplateCreateRequest> requestType() {
        return TemplateCreateRequest.class;
    }

    /**
     * The VM, cluster and storage exist at the site; the VM is down (or {@code stop=true}) and is not a Windows VM to
     * seal; a new template's name is free there, and a new version names an
     * existing template and keeps its name (the engine gives every version its base's name).
     */
    @Override
    public List<Violation> validate(TemplateCreateRequest request, String site) {
        List<Violation> violations = new ArrayList<>();
        if (!inventory.exists(site, InventoryKind.VMS, request.vm())) {
            violations.add(Violation.of("vm", "validate.vm-unknown", request.vm(), site));
        } else {
            inventory.vmsNamed(site, request.vm()).stream().findFirst()
                    .ifPresent(vm -> violations.addAll(TemplateSourceChecks.of(request, vm, site)));
        }
        if (request.cluster() != null && !inventory.exists(site, InventoryKind.CLUSTERS, request.cluster())) {
            violations.add(Violation.of("cluster", "validate.cluster-unknown", request.cluster(), site));
        }
        if (request.storage() != null && !inventory.exists(site, InventoryKind.STORAGE, request.storage())) {
            violations.add(Violation.of("storage", "validate.storage-unknown", request.storage(), site));
        }
        if (request.versionOf() == null) {
            if (request.versionName() != null) {
                violations.add(Violation.of("version-name", "validate.version-name-without-base"));
            }
            if (inventory.exists(site, InventoryKind.TEMPLATES, request.name())) {
                violations.add(Violation.of("name", "validate.template-name-taken", request.name(), site));
            }
        } else {
            if (!inventory.exists(site, InventoryKind.TEMPLATES, request.versionOf())) {
                violations.add(Violation.of("version-of", "validate.version-of-unknown", request.versionOf(), site));
            }
            if (!request.versionOf().equals(request.name())) {
                violations.add(Violation.of("name", "validate.version-keeps-name", request.versionOf(),
                        request.name()));
            }
        }
        return violations;
    }

    @Override
    public TaskOutcome execute(TemplateCreateRequest request, TaskContext context) {
        return new TemplateCreateRun(request, context, inventory, templates, jobs, timings, clock, poller).execute();
    }
}
