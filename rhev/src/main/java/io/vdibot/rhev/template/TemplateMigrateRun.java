package io.vdibot.rhev.template;

import io.vdibot.commands.handler.ResourceBusy;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.commands.handler.ResourceLeases;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.task.CorrelatedJobs;
import io.vdibot.rhev.task.CorrelatedJobs.State;
import io.vdibot.rhev.task.CorrelationIds;
import io.vdibot.commands.i18n.Durations;
import io.vdibot.rhev.task.TaskRun;
import io.vdibot.rhev.template.ExportDomainMove.End;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.util.Optional;

/** One execution of a {@code template.migrate} task: the steps, in order, with what each reports. */
final class TemplateMigrateRun {

    static final String PREFLIGHT = "preflight";
    static final String EXPORT = "export";
    static final String IMPORT_TEMPLATE = "import-template";
    static final String VERIFY = "verify";

    private final TaskContext context;
    private final TemplateMigrateRequest request;
    private final Messages messages;
    private final InventoryCache inventory;
    private final TemplateActions templates;
    private final ExportDomains domains;
    private final CorrelatedJobs jobs;
    private final DomainWhereabouts whereabouts;
    private final ExportDomainLease lease;
    private final boolean moveBackDefault;
    private final TemplateTimings timings;
    private final Poller poller;
    private final TaskRun run;
    private final MigrationReport report;
    private MigrationPlan plan;

    TemplateMigrateRun(TemplateMigrateRequest request, TaskContext context, InventoryCache inventory,
            ResourceLeases leases, boolean moveBackDefault, TemplateTimings timings, Clock clock, Poller poller) {
        this.context = context;
        this.request = request;
        this.messages = context.messages();
        this.inventory = inventory;
        this.templates = new TemplateActions(inventory.queries());
        this.domains = new ExportDomains(inventory.queries());
        this.jobs = new CorrelatedJobs(inventory.queries().calls());
        this.whereabouts = new DomainWhereabouts(domains, inventory.queries());
        this.lease = new ExportDomainLease(leases, context.taskCode());
        this.moveBackDefault = moveBackDefault;
        this.timings = timings;
        this.poller = poller;
        this.run = new TaskRun(context, clock, "template.migrate");
        this.report = new MigrationReport(request, messages, run, whereabouts, lease);
    }

    TaskOutcome execute() {
        String from = request.fromSite();
        String to = request.toSite();
        try {
            plan = MigrationPlan.parse(run.step(PREFLIGHT,
                    messages.format("template.migrate.progress.preflight", request.name(), from, to),
                    () -> new MigrationPreflight(request, context, inventory, templates, domains, lease,
                            moveBackDefault).run().journal()));
            holdLease();
            ExportDomain domain = plan.domain();
            End source = new End(from, plan.sourceDataCenterId(), plan.sourceDataCenterName());
            End target = new End(to, plan.targetDataCenterId(), plan.targetDataCenterName());
            ExportDomainSteps moves = new ExportDomainSteps(run, context, domains, domain, timings, poller);

            if (plan.origin() != null) {
                moves.bring(plan.origin(), source);
            }
            run.step(EXPORT, messages.format("template.migrate.progress.export", plan.templateName(),
                    domain.name(), from), this::export);
            moves.move(source, target, "");
            String templateId = run.step(IMPORT_TEMPLATE, messages.format("template.migrate.progress.import-template",
                    plan.targetName(), plan.targetClusterName(), to), this::importTemplate);
            run.step(VERIFY, messages.format("template.migrate.progress.verify", plan.targetName(), to),
                    () -> verify(templateId));
            if (plan.moveBack()) {
                moves.move(target, source, ExportDomainSteps.BACK);
            }
            return report.succeeded(plan, templateId);
        } catch (TaskFailure | EngineException failure) {
            throw report.failed(plan, run.reasonOf(failure), failure);
        }
    }

    /** A resumed task takes its lease again before touching the domain; another holder means another migration. */
    private void holdLease() {
        ExportDomain domain = plan.domain();
        if (!lease.acquire(domain, messages.format("template.migrate.lease-note", plan.templateName(),
                request.fromSite(), request.toSite()))) {
            // taken by another task while this one was away (a node died): wait for it rather than fail
            throw new ResourceBusy(domain.leaseKey(), lease.otherHolder(domain).orElse(null),
                    messages.format("template.migrate.lease-what", domain.name(), domain.location()));
        }
    }

    // ---- the template at the source ----

    private String export() {
        String site = request.fromSite();
        ExportDomain domain = plan.domain();
        String correlationId = CorrelationIds.of(context.taskCode(), EXPORT);
        if (jobs.of(site, correlationId).state() == State.NONE) {
            templates.export(site, plan.templateId(), domain.id(), correlationId);
            run.deploy("template.migrate.log.exporting", plan.templateName(), plan.version(), domain.name(), site);
        } else {
            run.deploy("template.migrate.log.export-found", plan.templateName(), domain.name(), site);
        }
        CorrelatedJobs.Outcome end = poller.poll(timings.schedule(timings.copyTimeout()), () -> {
            CorrelatedJobs.Outcome now = jobs.of(site, correlationId);
            return now.state() == State.FINISHED || now.state() == State.FAILED ? Optional.of(now) : Optional.empty();
        }).orElseThrow(() -> run.fail("template.migrate.export-timeout", plan.templateName(), domain.name(), site,
                Durations.format(timings.copyTimeout())));
        if (end.state() == State.FAILED) {
            throw run.fail("template.migrate.export-failed", plan.templateName(), domain.name(), site, end.engineText());
        }
        if (!templates.onDomain(site, domain.id(), plan.templateId())) {
            throw run.fail("template.migrate.export-missing", plan.templateName(), domain.name(), site);
        }
        run.deploy("template.migrate.log.exported", plan.templateName(), plan.version(), domain.name(), site);
        context.progress().milestone(Reply.text(messages.format("template.migrate.milestone.exported",
                plan.templateName(), plan.version(), domain.name(), site)));
        return plan.templateId();
    }

    // ---- the template at the target ----

    private String importTemplate() {
        String site = request.toSite();
        ExportDomain domain = plan.domain();
        String correlationId = CorrelationIds.of(context.taskCode(), IMPORT_TEMPLATE);
        if (jobs.of(site, correlationId).state() == State.NONE) {
            if (atTarget().isPresent()) {
                throw run.fail("template.migrate.name-taken", plan.targetName(), plan.targetDataCenterName(), site);
            }
            if (!templates.onDomain(site, domain.id(), plan.templateId())) {
                throw run.fail("template.migrate.not-on-domain", plan.templateName(), domain.name(), site);
            }
            templates.importFrom(site, domain.id(), plan.templateId(), plan.targetStorageId(),
                    plan.targetClusterId(), plan.importAsCopy(), plan.targetName(), correlationId);
            run.deploy("template.migrate.log.importing", plan.targetName(), domain.name(), plan.targetClusterName(),
                    plan.targetStorageName(), site);
        } else {
            run.deploy("template.migrate.log.import-found", plan.targetName(), site);
        }
        TemplateInfo imported = poller.poll(timings.schedule(timings.copyTimeout()), () -> {
            CorrelatedJobs.Outcome job = jobs.of(site, correlationId);
            if (job.state() == State.FAILED) {
                throw run.fail("template.migrate.import-failed", plan.targetName(), site, job.engineText());
            }
            Optional<TemplateInfo> now = atTarget();
            if (now.isPresent() && "illegal".equals(now.get().status())) {
                throw run.fail("template.migrate.import-illegal", plan.targetName(), site);
            }
            return now.filter(TemplateInfo::isOk);
        }).orElseThrow(() -> run.fail("template.migrate.import-timeout", plan.targetName(), site,
                Durations.format(timings.copyTimeout())));
        run.deploy("template.migrate.log.imported", imported.name(), imported.id(), plan.targetClusterName(),
                plan.targetDataCenterName(), site);
        return imported.id();
    }

    private String verify(String templateId) {
        String site = request.toSite();
        TemplateInfo template = atTarget().filter(t -> t.id().equals(templateId)).filter(TemplateInfo::isOk)
                .orElseThrow(() -> run.fail("template.migrate.verify-failed", plan.targetName(), site));
        run.deploy("template.migrate.log.verified", plan.templateName(), plan.version(), site, template.name(),
                plan.targetClusterName());
        context.progress().milestone(Reply.text(messages.format("template.migrate.milestone.ok",
                plan.templateName(), plan.version(), site, template.name(), plan.targetClusterName())));
        return template.id();
    }

    /** The template of the target name in the target data center (names are unique per data center). */
    private Optional<TemplateInfo> atTarget() {
        String site = request.toSite();
        return templates.named(site, plan.targetName()).stream()
                .filter(t -> MigrationTargetCheck.inDataCenter(inventory, site, t, plan.targetDataCenterId()))
                .findFirst();
    }
}
