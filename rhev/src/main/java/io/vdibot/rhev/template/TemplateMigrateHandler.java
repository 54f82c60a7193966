package io.vdibot.rhev.template;

import io.vdibot.commands.handler.ResourceLeases;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code template.migrate}: copies one template version from one site to another through the NFS export domain the
 * sites share, as one task. Steps: {@code preflight}; when the domain is not active in the source data center, it
 * is brought there from wherever it is ({@code bring-deactivate} … {@code bring-attach}, only those its place
 * needs); {@code export} at the source; the domain's move ({@code deactivate}, {@code detach},
 * {@code remove-domain} at the source, {@code import-domain}, {@code attach} at the target);
 * {@code import-template}, {@code verify}; and when configured the same move back ({@code back-deactivate} …
 * {@code back-attach}). A lease on the export domain, held in the database for the whole task, keeps two
 * migrations from moving it at once.
 */
public final class TemplateMigrateHandler implements TaskHandler<TemplateMigrateRequest> {

    private final InventoryCache inventory;
    private final ResourceLeases leases;
    private final MigrationIntakeChecks intakeChecks;
    private final boolean moveBackDefault;
    private final TemplateTimings timings;
    private final Clock clock;
    private final Poller poller;

    /**
     * @param moveBackDefault whether the export domain returns to the source data center when the request does
     *                        not say ({@code move-back=})
     */
    public TemplateMigrateHandler(InventoryCache inventory, ResourceLeases leases, boolean moveBackDefault,
            TemplateTimings timings, Clock clock, Sleeper sleeper) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.intakeChecks = new MigrationIntakeChecks(inventory, leases);
        this.moveBackDefault = moveBackDefault;
        this.timings = Objects.requireNonNull(timings, "timings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = new Poller(clock, sleeper);
    }

    public TemplateMigrateHandler(InventoryCache inventory, ResourceLeases leases, boolean moveBackDefault) {
        this(inventory, leases, moveBackDefault, TemplateTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    public Class<TemplateMigrateRequest> requestType() {
        return TemplateMigrateRequest.class;
    }

    /**
     * Two different known sites; the template version exists at the source and is OK; the cluster and storage exist
     * at the target and the name it will have there is free; and — once all that holds — the export domain can be
     * had: found at some site, held by no other task, and releasable where it is (asked of the engines). Preflight
     * asks again: the estate changes while a request waits for approval.
     */
    @Override
    public List<Violation> validate(TemplateMigrateRequest request, String site) {
        List<String> sites = inventory.sites();
        List<Violation> violations = new ArrayList<>();
        if (!sites.contains(request.fromSite())) {
            violations.add(Violation.of("from", "validate.site-unknown", request.fromSite(), String.join(", ", sites)));
        }
        if (!sites.contains(request.toSite())) {
            violations.add(Violation.of("to", "validate.site-unknown", request.toSite(), String.join(", ", sites)));
        }
        if (request.fromSite().equals(request.toSite())) {
            violations.add(Violation.of("to", "validate.sites-same", request.fromSite()));
        }
        if (!violations.isEmpty()) {
            return violations;
        }
        if (!inventory.exists(request.fromSite(), InventoryKind.TEMPLATES, request.name())) {
            violations.add(Violation.of("name", "validate.template-unknown", request.name(), request.fromSite()));
        } else {
            intakeChecks.version(request).ifPresent(violations::add);
        }
        String targetName = request.targetName() != null ? request.targetName() : request.name();
        if (inventory.exists(request.toSite(), InventoryKind.TEMPLATES, targetName)) {
            violations.add(Violation.of("as", "validate.target-name-taken", targetName, request.toSite()));
        }
        if (!inventory.exists(request.toSite(), InventoryKind.CLUSTERS, request.cluster())) {
            violations.add(Violation.of("cluster", "validate.cluster-unknown", request.cluster(), request.toSite()));
        }
        if (!inventory.exists(request.toSite(), InventoryKind.STORAGE, request.storage())) {
            violations.add(Violation.of("storage", "validate.storage-unknown", request.storage(), request.toSite()));
        }
        if (violations.isEmpty()) {
            intakeChecks.exportDomain(request).ifPresent(violations::add);
        }
        return violations;
    }

    @Override
    public TaskOutcome execute(TemplateMigrateRequest request, TaskContext context) {
        return new TemplateMigrateRun(request, context, inventory, leases, moveBackDefault, timings, clock, poller)
                .execute();
    }
}
