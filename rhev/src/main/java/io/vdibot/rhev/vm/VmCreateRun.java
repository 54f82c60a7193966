package io.vdibot.rhev.vm;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Text;
import io.vdibot.rhev.task.CreatorComment;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.vm.VmCreateRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.HostInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.task.CorrelationIds;
import io.vdibot.commands.i18n.Durations;
import io.vdibot.rhev.task.TaskRun;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** One execution of a {@code vm.create} task: the steps, in order, with what each reports. */
final class VmCreateRun {

    static final String PREFLIGHT = "preflight";
    static final String CREATE = "create-vm";
    static final String WAIT_CREATED = "wait-created";
    static final String START = "start-vm";
    static final String WAIT_UP = "wait-up";
    static final String WAIT_IP = "wait-ip";

    private final TaskContext context;
    private final VmCreateRequest request;
    private final String site;
    private final Messages messages;
    private final InventoryCache inventory;
    private final VmActions vms;
    private final VmCreateTimings timings;
    private final Clock clock;
    private final Poller poller;
    private final TaskRun run;
    private String vmId;

    VmCreateRun(VmCreateRequest request, TaskContext context, InventoryCache inventory, VmActions vms, VmCreateTimings timings, Clock clock,
            Poller poller) {
        this.context = context;
        this.request = request;
        this.site = context.site();
        this.messages = context.messages();
        this.inventory = inventory;
        this.vms = vms;
        this.timings = timings;
        this.clock = clock;
        this.poller = poller;
        this.run = new TaskRun(context, clock, "vm.create");
    }

    TaskOutcome execute() {
        // A VM already created is kept, not deleted: it holds what is needed to find out what went wrong (and a
        // missing IP is often only a slow guest), so the message names it instead.
        return run.guarded(this::runSteps, () -> vmId == null ? null
                : messages.format("vm.create.left-in-place", request.name(), site));
    }

    private TaskOutcome runSteps() {
        String name = request.name();
        VmCreatePlan plan = plan(run.step(PREFLIGHT,
                messages.format("vm.create.progress.preflight", request.template(), name, site),
                () -> preflight().journal()));
        vmId = run.step(CREATE, messages.format("vm.create.progress.create-vm", name, request.template()),
                () -> create(plan));
        run.step(WAIT_CREATED, messages.format("vm.create.progress.wait-created", name), this::waitCreated);
        run.step(START, messages.format("vm.create.progress.start-vm", name), () -> start(plan));
        String hostId = run.step(WAIT_UP, messages.format("vm.create.progress.wait-up", name), this::waitUp);
        String ip = run.step(WAIT_IP, messages.format("vm.create.progress.wait-ip", name),
                () -> waitIp(hostId));
        return outcome(plan, hostId, ip);
    }

    // ---- preflight: everything that can be known before touching the estate, each with its own message ----

    private VmCreatePlan preflight() {
        inventory.queries().calls().checkAnswers(site);
        List<TemplateInfo> versions = inventory.queries().templates(site, "name=" + request.template()).stream()
                .filter(t -> t.name().equals(request.template())).toList();
        if (versions.isEmpty()) {
            throw run.fail("vm.create.template-not-found", request.template(), site);
        }
        ClusterInfo cluster = request.cluster() != null ? namedCluster(request.cluster()) : templateCluster(versions);
        TemplateInfo template = versions.stream()
                .filter(t -> cluster.dataCenterId() != null
                        && clusterById(t.clusterId()).map(c -> cluster.dataCenterId().equals(c.dataCenterId()))
                        .orElse(false))
                .max(Comparator.comparingInt(TemplateInfo::version))
                .orElseThrow(() -> run.fail("vm.create.template-not-in-datacenter", request.template(),
                        dataCenterName(cluster), cluster.name()));
        if (template.isLocked()) {
            throw run.fail("vm.create.template-locked", template.name(), template.version());
        }
        if (!template.isOk()) {
            throw run.fail("vm.create.template-not-ok", template.name(), template.version(), EngineTerm.IMAGE_STATUS.of(template.status()));
        }
        for (VmInfo existing : vms.named(site, request.name(), false)) {
            boolean sameDataCenter = clusterById(existing.clusterId())
                    .map(c -> cluster.dataCenterId().equals(c.dataCenterId())).orElse(true);
            if (sameDataCenter && !CreatorComment.isCreatedBy(existing.comment(), context.taskCode())) {
                throw run.fail("vm.create.name-taken", request.name(), dataCenterName(cluster),
                        EngineTerm.VM_STATUS.of(existing.status()));
            }
        }
        run.deploy("vm.create.log.preflight", template.name(), template.version(),
                cluster.name(), dataCenterName(cluster), request.name());
        return new VmCreatePlan(template, cluster);
    }

    private ClusterInfo namedCluster(String name) {
        Optional<ClusterInfo> cached = inventory.findOrRefresh(site, () -> inventory.cluster(site, name));
        return cached.orElseThrow(() -> run.fail("vm.create.cluster-not-found", name, site));
    }

    private ClusterInfo templateCluster(List<TemplateInfo> versions) {
        TemplateInfo latest = versions.stream().max(Comparator.comparingInt(TemplateInfo::version)).orElseThrow();
        if (latest.clusterId() == null) {
            throw run.fail("vm.create.template-without-cluster", latest.name());
        }
        return clusterById(latest.clusterId())
                .orElseThrow(() -> run.fail("vm.create.template-without-cluster", latest.name()));
    }

    private Optional<ClusterInfo> clusterById(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return inventory.findOrRefresh(site, () -> inventory.clusterById(site, id));
    }

    private String dataCenterName(ClusterInfo cluster) {
        return cluster.dataCenterName() != null ? cluster.dataCenterName() : String.valueOf(cluster.dataCenterId());
    }

    /** The plan of a completed preflight, also after a restart. */
    private VmCreatePlan plan(String journal) {
        String templateId = VmCreatePlan.templateId(journal);
        TemplateInfo template = inventory.templateById(site, templateId).orElseGet(() -> {
            inventory.refresh(site);
            return inventory.templateById(site, templateId)
                    .orElseThrow(() -> run.fail("vm.create.template-not-found", request.template(), site));
        });
        ClusterInfo cluster = clusterById(VmCreatePlan.clusterId(journal))
                .orElseThrow(() -> run.fail("vm.create.cluster-not-found", String.valueOf(request.cluster()), site));
        return new VmCreatePlan(template, cluster);
    }

    // ---- acting and waiting ----

    private String create(VmCreatePlan plan) {
        VmActions.NewVm spec = new VmActions.NewVm(request.name(), plan.template().id(), plan.cluster().id(),
                request.memoryBytes(), request.cpus(), request.initScript());
        VmActions.Created created = vms.createOrReuse(site, spec, context.taskCode());
        VmInfo vm = created.vm();
        if (created.reused()) {
            run.deploy("vm.create.log.reused", vm.name(), vm.id());
        } else {
            run.deploy("vm.create.log.created", vm.name(), vm.id(), plan.template().name(),
                    plan.template().version(), plan.cluster().name());
        }
        context.progress().milestone(Reply.text(messages.format("vm.create.milestone.created", vm.name(), site,
                plan.cluster().name())));
        return vm.id();
    }

    private String waitCreated() {
        VmInfo vm = poller.poll(timings.schedule(timings.createTimeout()), () -> {
            VmInfo now = current(false);
            return "image_locked".equals(now.status()) ? Optional.empty() : Optional.of(now);
        }).orElseThrow(() -> run.fail("vm.create.create-timeout", request.name(),
                Durations.format(timings.createTimeout())));
        run.deploy("vm.create.log.disks-ready", vm.name(), EngineTerm.VM_STATUS.of(vm.status()));
        return vm.status();
    }

    private String start(VmCreatePlan plan) {
        String before = vms.startUnlessStarted(site, vmId, CorrelationIds.of(context.taskCode(), START));
        if ("down".equals(before)) {
            run.deploy("vm.create.log.started", request.name());
            if (request.initScript() != null) {
                String osType = plan.template().osType() == null ? "" : plan.template().osType();
                String tool = osType.toLowerCase(Locale.ROOT).startsWith("windows") ? "sysprep" : "cloud-init";
                run.deploy("vm.create.log.init", request.name(), tool);
            }
        } else {
            run.deploy("vm.create.log.already-started", request.name(), EngineTerm.VM_STATUS.of(before));
        }
        return before;
    }

    private String waitUp() {
        Instant started = clock.instant();
        // A VM seen down well after the start request did not start (no host, out of memory...).
        Duration grace = timings.pollInitial().multipliedBy(2);
        AtomicReference<String> last = new AtomicReference<>("unknown");
        VmInfo vm = poller.poll(timings.schedule(timings.upTimeout()), () -> {
            VmInfo now = current(false);
            last.set(now.status());
            if ("up".equals(now.status())) {
                return Optional.of(now);
            }
            if ("down".equals(now.status()) && Duration.between(started, clock.instant()).compareTo(grace) > 0) {
                throw run.fail("vm.create.start-failed", request.name());
            }
            return Optional.empty();
        }).orElseThrow(() -> run.fail("vm.create.up-timeout", request.name(), Durations.format(timings.upTimeout()),
                EngineTerm.VM_STATUS.of(last.get())));
        run.deploy("vm.create.log.up", vm.name(), hostName(vm.hostId()));
        return vm.hostId() == null ? "" : vm.hostId();
    }

    private String waitIp(String hostId) {
        String ip = poller.poll(timings.schedule(timings.ipTimeout()), () -> current(true).ipv4())
                .orElseThrow(() -> run.fail("vm.create.no-ip", request.name(), hostName(hostId),
                        Durations.format(timings.ipTimeout())));
        run.deploy("vm.create.log.ip", request.name(), ip);
        context.progress().milestone(Reply.text(messages.format("vm.create.milestone.up", request.name(), ip)));
        return ip;
    }

    private VmInfo current(boolean withAddresses) {
        return vms.find(site, request.name(), vmId, withAddresses)
                .orElseThrow(() -> run.fail("vm.create.vanished", request.name()));
    }

    private String hostName(String hostId) {
        if (hostId == null || hostId.isEmpty()) {
            return "-";
        }
        try {
            return inventory.hostById(site, hostId).map(HostInfo::name).orElse(hostId);
        } catch (EngineException e) {
            // only for display; the VM is fine
            return hostId;
        }
    }

    // ---- the result ----

    private TaskOutcome outcome(VmCreatePlan plan, String hostId, String ip) {
        Reply.Builder reply = Reply.builder().tone(Reply.Tone.SUCCESS)
                .heading(messages.format("vm.create.result.title", request.name()))
                .fields(List.of(
                        new Field(messages.format("vm.create.field.vm"), request.name()),
                        new Field(messages.format("vm.create.field.site"), site),
                        new Field(messages.format("vm.create.field.cluster"), plan.cluster().name()),
                        new Field(messages.format("vm.create.field.host"), hostName(hostId)),
                        new Field(messages.format("vm.create.field.ip"), ip)));
        return TaskOutcome.of(TaskStatus.SUCCEEDED, Text.of("vm.create.summary", request.name(), site, ip), messages,
                run.appendSteps(reply).build());
    }
}
