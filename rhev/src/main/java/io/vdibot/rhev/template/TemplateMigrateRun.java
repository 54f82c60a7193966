package io.vdibot.rhev.template;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.commands.handler.ResourceLeases;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One execution of a {@code template.migrate} task: the steps, in order, with what each reports. */
final class TemplateMigrateRun {

    static final String PREFLIGHT = "preflight";
    static final String EXPORT = "export";
    static final String DEACTIVATE = "deactivate";
    static final String DETACH = "detach";
    static final String REMOVE_DOMAIN = "remove-domain";
    static final String IMPORT_DOMAIN = "import-domain";
    static final String ATTACH = "attach";
    static final String IMPORT_TEMPLATE = "import-template";
    static final String VERIFY = "verify";
    /** The move back reuses the move's steps under this prefix: {@code back-deactivate} … {@code back-attach}. */
    static final String BACK = "back-";

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
    private MigrationPlan plan;

    TemplateMigrateRun(TemplateMigrateRequest request, TaskContext context, InventoryCache inventory, ResourceLeases leases, boolean moveBackDefault,
            TemplateTimings timings, Clock clock, Poller poller) {
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
    }

    TaskOutcome execute() {
        String from = request.fromSite();
        String to = request.toSite();
        try {
            plan = MigrationPlan.parse(run.step(PREFLIGHT,
                    messages.format("template.migrate.progress.preflight", request.name(), from, to),
                    () -> new MigrationPreflight(request, context, inventory, templates, domains, whereabouts, lease,
                            moveBackDefault).run().journal()));
            holdLease();
            ExportDomain domain = plan.domain();
            End source = new End(from, plan.sourceDataCenterId(), plan.sourceDataCenterName());
            End target = new End(to, plan.targetDataCenterId(), plan.targetDataCenterName());

            run.step(EXPORT, messages.format("template.migrate.progress.export", plan.templateName(),
                    domain.name(), from), this::export);
            move(source, target, "");
            String templateId = run.step(IMPORT_TEMPLATE, messages.format("template.migrate.progress.import-template",
                    plan.targetName(), plan.targetClusterName(), to), this::importTemplate);
            run.step(VERIFY, messages.format("template.migrate.progress.verify", plan.targetName(), to),
                    () -> verify(templateId));
            if (plan.moveBack()) {
                move(target, source, BACK);
            }
            List<DomainWhereabouts.Place> places = whereabouts.locate(domain, List.of(from, to));
            lease.release();
            return outcome(templateId, places);
        } catch (TaskFailure | EngineException failure) {
            throw failed(run.reasonOf(failure), failure);
        }
    }

    /** A resumed task takes its lease again before touching the domain; another holder means another migration. */
    private void holdLease() {
        ExportDomain domain = plan.domain();
        if (!lease.acquire(domain, messages.format("template.migrate.lease-note", plan.templateName(),
                request.fromSite(), request.toSite()))) {
            String holder = lease.otherHolder(domain).orElse(messages.format("template.migrate.another-task"));
            throw run.fail("template.migrate.lease-held", domain.name(), domain.location(), holder, domain.leaseKey());
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

    // ---- the export domain, from one data center to the other ----

    private void move(End from, End to, String prefix) {
        ExportDomain domain = plan.domain();
        ExportDomainMove move = new ExportDomainMove(context, domains, domain, timings, poller);
        run.step(prefix + DEACTIVATE, messages.format("template.migrate.progress.deactivate", domain.name(),
                from.dataCenterName(), from.site()), () -> move.deactivate(from, correlation(prefix + DEACTIVATE)));
        run.step(prefix + DETACH, messages.format("template.migrate.progress.detach", domain.name(),
                from.dataCenterName(), from.site()), () -> move.detach(from, correlation(prefix + DETACH)));
        run.step(prefix + REMOVE_DOMAIN, messages.format("template.migrate.progress.remove-domain", domain.name(),
                from.site()), () -> move.remove(from, correlation(prefix + REMOVE_DOMAIN)));
        run.step(prefix + IMPORT_DOMAIN, messages.format("template.migrate.progress.import-domain", domain.name(),
                to.site()), () -> move.importInto(to, correlation(prefix + IMPORT_DOMAIN)));
        run.step(prefix + ATTACH, messages.format("template.migrate.progress.attach", domain.name(),
                to.dataCenterName(), to.site()), () -> move.attach(to, correlation(prefix + ATTACH)));
        context.progress().milestone(Reply.text(messages.format("template.migrate.milestone.domain-moved",
                domain.name(), to.dataCenterName(), to.site())));
    }

    private String correlation(String step) {
        return CorrelationIds.of(context.taskCode(), step);
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
        run.deploy("template.migrate.log.verified", template.name(), site, plan.targetClusterName());
        context.progress().milestone(Reply.text(messages.format("template.migrate.milestone.ok", template.name(),
                site, plan.targetClusterName())));
        return template.id();
    }

    /** The template of the target name in the target data center (names are unique per data center). */
    private Optional<TemplateInfo> atTarget() {
        String site = request.toSite();
        return templates.named(site, plan.targetName()).stream()
                .filter(t -> t.clusterId() != null && inventory.clusterById(site, t.clusterId())
                        .map(c -> Objects.equals(c.dataCenterId(), plan.targetDataCenterId())).orElse(false))
                .findFirst();
    }

    // ---- the result ----

    private TaskOutcome outcome(String templateId, List<DomainWhereabouts.Place> places) {
        ExportDomain domain = plan.domain();
        String where = DomainWhereabouts.places(messages, domain, places);
        Reply.Builder reply = Reply.builder().tone(Reply.Tone.SUCCESS)
                .heading(messages.format("template.migrate.result.title", plan.targetName(), request.fromSite(),
                        request.toSite()))
                .fields(List.of(
                        new Field(messages.format("template.migrate.field.template"),
                                messages.format("template.migrate.template-version", plan.templateName(),
                                        plan.version())),
                        new Field(messages.format("template.migrate.field.from"), messages.format(
                                "template.migrate.site-dc", request.fromSite(), plan.sourceDataCenterName())),
                        new Field(messages.format("template.migrate.field.to"), messages.format(
                                "template.migrate.site-dc", request.toSite(), plan.targetDataCenterName())),
                        new Field(messages.format("template.migrate.field.target"),
                                plan.targetName() + " (" + templateId + ")"),
                        new Field(messages.format("template.migrate.field.cluster"), plan.targetClusterName()),
                        new Field(messages.format("template.migrate.field.storage"), plan.targetStorageName()),
                        new Field(messages.format("template.migrate.field.export-domain"),
                                domain.name() + " (" + domain.location() + "): " + where)));
        return new TaskOutcome(TaskStatus.SUCCEEDED, messages.format("template.migrate.summary", plan.templateName(),
                request.fromSite(), request.toSite(), plan.targetName(), domain.name(), where),
                run.appendSteps(reply).build());
    }

    // ---- failures ----

    /**
     * The failure as the requester reads it: the reason with the engine's words; where the export domain is now and
     * what to do about it (or that nothing was moved); and the lease, given back so the next migration can run.
     * The estate is not rolled back: a half-moved domain is safer described than moved again by a failing task.
     */
    private TaskFailure failed(String reason, RuntimeException cause) {
        run.logStepFailed(reason);
        StringBuilder message = new StringBuilder(reason);
        if (plan == null) {
            message.append(' ').append(messages.format("template.migrate.nothing-moved"));
        } else {
            ExportDomain domain = plan.domain();
            List<DomainWhereabouts.Place> places = whereabouts.locate(domain,
                    List.of(request.fromSite(), request.toSite()));
            String where = DomainWhereabouts.describe(messages, domain, places);
            boolean inPlace = places.stream().anyMatch(p -> p.site().equals(request.fromSite())
                    && p.attachedTo(plan.sourceDataCenterId()) && "active".equals(p.status()));
            String advice = inPlace
                    ? messages.format("template.migrate.advice.in-place")
                    : messages.format("template.migrate.advice.bring-back", plan.sourceDataCenterName(),
                            request.fromSite(), domain.location());
            run.log().error(where);
            message.append(' ').append(where).append(' ').append(advice);
        }
        String cleanedUp = lease.release()
                .map(key -> messages.format("template.migrate.lease-released", key)).orElse(null);
        return new TaskFailure(message.toString(), cleanedUp, cause);
    }
}
