package io.vdibot.rhev.template;

import io.vdibot.commands.i18n.Text;
import io.vdibot.rhev.task.CreatorComment;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.template.TemplateCreateRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.StorageDomainInfo;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.task.CorrelatedJobs;
import io.vdibot.rhev.task.CorrelationIds;
import io.vdibot.commands.i18n.Durations;
import io.vdibot.rhev.task.TaskRun;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One execution of a {@code template.create} task: the steps, in order, with what each reports. */
final class TemplateCreateRun {

    static final String PREFLIGHT = "preflight";
    static final String STOP = "stop-vm";
    static final String CREATE = "create-template";
    static final String WAIT_OK = "wait-ok";

    private final TaskContext context;
    private final TemplateCreateRequest request;
    private final String site;
    private final Messages messages;
    private final InventoryCache inventory;
    private final TemplateActions templates;
    private final CorrelatedJobs jobs;
    private final TemplateTimings timings;
    private final Poller poller;
    private final TaskRun run;
    private String templateId;
    private String templateName;
    private boolean gone;

    TemplateCreateRun(TemplateCreateRequest request, TaskContext context, InventoryCache inventory, TemplateActions templates, CorrelatedJobs jobs,
            TemplateTimings timings, Clock clock, Poller poller) {
        this.context = context;
        this.request = request;
        this.site = context.site();
        this.messages = context.messages();
        this.inventory = inventory;
        this.templates = templates;
        this.jobs = jobs;
        this.timings = timings;
        this.poller = poller;
        this.run = new TaskRun(context, clock, "template.create");
        this.templateName = request.name();
    }

    TaskOutcome execute() {
        // a template already created is named and left for inspection
        return run.guarded(this::runSteps, () -> templateId == null || gone ? null
                : messages.format("template.create.left-in-place", templateName, site));
    }

    private TaskOutcome runSteps() {
        TemplateCreatePlan plan = TemplateCreatePlan.parse(run.step(PREFLIGHT,
                messages.format("template.create.progress.preflight", request.vm(), request.name(), site),
                () -> preflight().journal()));
        templateName = plan.name();
        if (request.stopsVm()) {
            run.step(STOP, messages.format("template.create.progress.stop-vm", plan.vmName()), () -> stopVm(plan));
        }
        templateId = run.step(CREATE,
                messages.format("template.create.progress.create-template", plan.name(), plan.vmName()),
                () -> create(plan));
        run.step(WAIT_OK, messages.format("template.create.progress.wait-ok", plan.name()), this::waitOk);
        return outcome(plan, current().orElseThrow(this::vanished));
    }

    // ---- preflight ----

    private TemplateCreatePlan preflight() {
        inventory.queries().calls().checkAnswers(site);
        if (request.versionName() != null && request.versionOf() == null) {
            throw run.fail("template.create.version-name-without-base");
        }
        inventory.refresh(site);
        ClusterInfo cluster = null;
        if (request.cluster() != null) {
            cluster = inventory.cluster(site, request.cluster())
                    .orElseThrow(() -> run.fail("template.create.cluster-not-found", request.cluster(), site));
        }
        VmInfo vm = sourceVm(cluster);
        run.refuse(TemplateSourceChecks.of(request, vm, site).stream().findFirst());
        ClusterInfo vmCluster = inventory.clusterById(site, vm.clusterId())
                .orElseThrow(() -> run.fail("template.create.vm-not-found", request.vm(), site));
        String dataCenterId = vmCluster.dataCenterId();
        String dataCenter = vmCluster.dataCenterName() != null ? vmCluster.dataCenterName() : dataCenterId;
        String storageId = null;
        if (request.storage() != null) {
            StorageDomainInfo storage = inventory.storageDomain(site, request.storage())
                    .orElseThrow(() -> run.fail("template.create.storage-not-found", request.storage(), site));
            if (!"data".equals(storage.type())) {
                throw run.fail("template.create.storage-not-data", storage.name(), site, storage.type());
            }
            storageId = storage.id();
        }
        String baseId = null;
        String name = request.name();
        List<TemplateInfo> inDataCenter = new ArrayList<>();
        for (TemplateInfo t : templates.named(site, request.versionOf() != null ? request.versionOf() : name)) {
            if (inventory.clusterById(site, t.clusterId()).map(c -> Objects.equals(dataCenterId, c.dataCenterId()))
                    .orElse(false)) {
                inDataCenter.add(t);
            }
        }
        if (request.versionOf() != null) {
            TemplateInfo base = inDataCenter.stream().filter(t -> t.version() == 1).findFirst()
                    .orElseThrow(() -> run.fail("template.create.base-not-found", request.versionOf(), dataCenter,
                            site));
            baseId = base.id();
            name = base.name();
            run.deploy("template.create.log.preflight-version", site, vm.name(),
                    dataCenter, base.name(), base.id());
        } else {
            Optional<TemplateInfo> taken = inDataCenter.stream()
                    .filter(t -> !CreatorComment.isCreatedBy(t.comment(), context.taskCode())).findFirst();
            if (taken.isPresent()) {
                throw run.fail("template.create.name-taken", name, dataCenter);
            }
            run.deploy("template.create.log.preflight", site, vm.name(), dataCenter,
                    name);
        }
        return new TemplateCreatePlan(name, vm.id(), vm.name(), cluster == null ? null : cluster.id(),
                cluster == null ? vmCluster.name() : cluster.name(), storageId, baseId);
    }

    /** The VM of that name; with a cluster given, the one in that cluster's data center (names are per DC). */
    private VmInfo sourceVm(ClusterInfo cluster) {
        List<VmInfo> named = inventory.queries().vms(site, "name=" + request.vm(), false).stream()
                .filter(vm -> request.vm().equals(vm.name())).toList();
        return named.stream()
                .filter(vm -> cluster == null || inventory.clusterById(site, vm.clusterId())
                        .map(c -> Objects.equals(c.dataCenterId(), cluster.dataCenterId())).orElse(false))
                .findFirst()
                .orElseThrow(() -> run.fail("template.create.vm-not-found", request.vm(), site));
    }

    // ---- acting and waiting ----

    private String create(TemplateCreatePlan plan) {
        boolean seal = Boolean.TRUE.equals(request.seal());
        boolean copyPermissions = Boolean.TRUE.equals(request.copyPermissions());
        TemplateActions.NewTemplate spec = new TemplateActions.NewTemplate(plan.name(), plan.vmId(),
                plan.clusterId(), plan.storageDomainId(), plan.baseTemplateId(), request.versionName(), seal,
                copyPermissions);
        // The engine refuses a running VM with the words it uses for a locked one ("VM is locked or still
        // running"), which would otherwise be retried as a passing lock and reported as a busy engine.
        String vmStatus = vmStatus(plan);
        boolean running = !"down".equals(vmStatus) && !"image_locked".equals(vmStatus);
        TemplateActions.Created created;
        try {
            created = templates.createOrReuse(site, spec, context.taskCode(),
                    CorrelationIds.of(context.taskCode(), CREATE), !running);
        } catch (EngineException e) {
            if (running && e.kind() == EngineException.Kind.FAULT) {
                throw run.fail("engine.refused", site, e.engineText());
            }
            throw e;
        }
        TemplateInfo template = created.template();
        if (created.reused()) {
            run.deploy("template.create.log.reused", template.name(), template.id());
        } else {
            run.deploy("template.create.log.created", site, template.name(),
                    template.id(), plan.vmName(), yesNo(seal), yesNo(copyPermissions));
        }
        context.progress().milestone(Reply.text(messages.format("template.create.milestone.created",
                template.name(), plan.vmName(), site)));
        return template.id();
    }

    /** Shuts the VM down unless it is down or on its way there, and waits until it is down. */
    private String stopVm(TemplateCreatePlan plan) {
        String before = vmStatus(plan);
        if (TemplateSourceChecks.needsStop(request, before) && !"powering_down".equals(before)) {
            try {
                templates.shutdown(site, plan.vmId(), CorrelationIds.of(context.taskCode(), STOP));
            } catch (EngineException e) {
                if (!"down".equals(vmStatus(plan))) {
                    throw e;
                }
            }
        }
        poller.poll(timings.schedule(timings.stopTimeout()),
                () -> "down".equals(vmStatus(plan)) ? Optional.of(true) : Optional.<Boolean>empty())
                .orElseThrow(() -> run.fail("template.create.stop-timeout", plan.vmName(),
                        Durations.format(timings.stopTimeout())));
        run.deploy("template.create.log.stopped", plan.vmName(), before);
        return before;
    }

    /** The VM's status now; one gone counts as down, and the engine then says it is gone. */
    private String vmStatus(TemplateCreatePlan plan) {
        return inventory.queries().vms(site, "name=" + plan.vmName(), false).stream()
                .filter(vm -> vm.id().equals(plan.vmId())).map(VmInfo::status).findFirst().orElse("down");
    }

    private String waitOk() {
        TemplateInfo ready = poller.poll(timings.schedule(timings.createTimeout()), () -> {
            Optional<TemplateInfo> now = current();
            if (now.isEmpty()) {
                throw vanished();
            }
            if ("illegal".equals(now.get().status())) {
                throw run.fail("template.create.illegal", templateName);
            }
            return now.get().isOk() ? now : Optional.empty();
        }).orElseThrow(() -> run.fail("template.create.create-timeout", templateName,
                Durations.format(timings.createTimeout())));
        run.deploy("template.create.log.ok", ready.name(), version(ready), site);
        return ready.id();
    }

    private Optional<TemplateInfo> current() {
        return templates.named(site, templateName).stream().filter(t -> t.id().equals(templateId)).findFirst();
    }

    /** The engine removes a template whose disks could not be copied; the events of its command say why. */
    private TaskFailure vanished() {
        gone = true;
        String why = jobs.of(site, CorrelationIds.of(context.taskCode(), CREATE)).engineText();
        return why.isEmpty() ? run.fail("template.create.vanished", templateName)
                : run.fail("template.create.vanished-because", templateName, why);
    }

    // ---- the result ----

    private TaskOutcome outcome(TemplateCreatePlan plan, TemplateInfo ready) {
        String cluster = ready.clusterId() == null ? plan.clusterName()
                : inventory.clusterById(site, ready.clusterId()).map(ClusterInfo::name).orElse(plan.clusterName());
        Reply.Builder reply = Reply.builder().tone(Reply.Tone.SUCCESS)
                .heading(messages.format("template.create.result.title", ready.name()))
                .fields(List.of(
                        new Field(messages.format("template.create.field.template"), ready.name()),
                        new Field(messages.format("template.create.field.version"), version(ready)),
                        new Field(messages.format("template.create.field.site"), site),
                        new Field(messages.format("template.create.field.cluster"), cluster),
                        new Field(messages.format("template.create.field.vm"), plan.vmName()),
                        new Field(messages.format("template.create.field.sealed"),
                                yesNo(Boolean.TRUE.equals(request.seal()))),
                        new Field(messages.format("template.create.field.permissions"),
                                yesNo(Boolean.TRUE.equals(request.copyPermissions())))));
        return TaskOutcome.of(TaskStatus.SUCCEEDED, Text.of("template.create.summary", ready.name(),
                version(ready), site, plan.vmName()), messages, run.appendSteps(reply).build());
    }

    private String version(TemplateInfo template) {
        return template.versionName() == null ? String.valueOf(template.version())
                : messages.format("template.create.version", template.version(), template.versionName());
    }

    private String yesNo(boolean value) {
        return messages.format(value ? "template.create.yes" : "template.create.no");
    }

}
