package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.ExportImportOperations;
import io.vdibot.rhev.simulator.engine.Ref;
import io.vdibot.rhev.simulator.http.ApiRequest;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ovirt.engine.sdk4.builders.ActionBuilder;
import org.ovirt.engine.sdk4.builders.JobBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlActionReader;
import org.ovirt.engine.sdk4.internal.xml.XmlActionWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlTemplateWriter;
import io.vdibot.rhev.simulator.model.VmEntity;
import org.ovirt.engine.sdk4.builders.CpuBuilder;
import org.ovirt.engine.sdk4.builders.CpuTopologyBuilder;
import org.ovirt.engine.sdk4.builders.OperatingSystemBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlVmWriter;
import org.ovirt.engine.sdk4.types.Action;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmType;
import org.ovirt.engine.sdk4.types.Template;

/**
 * {@code POST /templates/{id}/export}, the templates a storage domain holds
 * ({@code /storagedomains/{sd}/templates}) and {@code POST /storagedomains/{sd}/templates/{id}/import}.
 * Export and import run as jobs: the action answers 202 while the job runs, unless the body says
 * {@code <async>false</async>}, in which case the answer waits for the job like the engine does.
 */
public final class ExportImportResources {

    private final Engine engine;
    private final ExportImportOperations operations;
    private final StorageRepresentation representation;

    public ExportImportResources(Engine engine, ExportImportOperations operations) {
        this.engine = engine;
        this.operations = operations;
        this.representation = new StorageRepresentation(engine.estate());
    }

    public void register(Router router) {
        router.post("templates/{id}/export", this::export)
                .get("storagedomains/{id}/templates", (r, p) -> engine.read(() -> {
                    List<Template> out = new ArrayList<>();
                    operations.templatesOn(p.get("id")).forEach(t -> out.add(representation.template(t, p.get("id"))));
                    return ApiResponse.ok(Xml.write(w -> XmlTemplateWriter.writeMany(out.iterator(), w)));
                }))
                .get("storagedomains/{id}/templates/{template}", (r, p) -> engine.read(() -> {
                    TemplateEntity template = operations.templateOn(p.get("id"), p.get("template"));
                    return ApiResponse.ok(Xml.write(w ->
                            XmlTemplateWriter.writeOne(representation.template(template, p.get("id")), w)));
                }))
                .post("storagedomains/{id}/templates/{template}/import", this::importTemplate)
                .post("vms/{id}/export", (r, p) -> {
                    Action action = Xml.read(r.body(), XmlActionReader::readOne);
                    Ref domain = requireDomain(action);
                    boolean exclusive = action.exclusivePresent() && action.exclusive();
                    return runJob(action, () -> operations.exportVm(r.call(), p.get("id"), domain, exclusive));
                })
                .get("storagedomains/{id}/vms", (r, p) -> engine.read(() -> {
                    List<Vm> out = operations.vmsOn(p.get("id")).stream().map(vm -> exportedVm(vm, p.get("id"))).toList();
                    return ApiResponse.ok(Xml.write(w -> XmlVmWriter.writeMany(out.iterator(), w)));
                }))
                .post("storagedomains/{id}/vms/{vm}/import", (r, p) -> {
                    Action action = Xml.read(r.body(), XmlActionReader::readOne);
                    if (action.storageDomain() == null
                            || (action.storageDomain().id() == null && action.storageDomain().name() == null)) {
                        throw EngineFault.incomplete("Action", "storageDomain.id|name", "doImport");
                    }
                    ExportImportOperations.ImportRequest request = new ExportImportOperations.ImportRequest(
                            new Ref(action.storageDomain().id(), action.storageDomain().name()),
                            action.cluster() == null ? Ref.none() : new Ref(action.cluster().id(), action.cluster().name()),
                            action.clone_Present() && action.clone_(),
                            action.vm() == null ? null : action.vm().name());
                    return runJob(action, () -> operations.importVm(r.call(), p.get("id"), p.get("vm"), request));
                });
    }

    private ApiResponse export(ApiRequest request, Map<String, String> params) {
        Action action = Xml.read(request.body(), XmlActionReader::readOne);
        if (action.storageDomain() == null
                || (action.storageDomain().id() == null && action.storageDomain().name() == null)) {
            // The API model declares storage_domain.id or .name mandatory; the generated input check answers.
            throw new EngineFault(400, "Input validation failed.",
                    "Parameters 'storage_domain.id' or 'storage_domain.name' are mandatory but both were not provided.");
        }
        Ref domain = new Ref(action.storageDomain().id(), action.storageDomain().name());
        boolean exclusive = action.exclusivePresent() && action.exclusive();
        return runJob(action, () -> operations.export(request.call(), params.get("id"), domain, exclusive));
    }

    private static Ref requireDomain(Action action) {
        if (action.storageDomain() == null
                || (action.storageDomain().id() == null && action.storageDomain().name() == null)) {
            throw new EngineFault(400, "Input validation failed.",
                    "Parameters 'storage_domain.id' or 'storage_domain.name' are mandatory but both were not provided.");
        }
        return new Ref(action.storageDomain().id(), action.storageDomain().name());
    }

    /** A VM as an export domain lists it: its OVF's name, configuration and the domain it is on. */
    private static Vm exportedVm(VmEntity vm, String domainId) {
        return new VmBuilder().id(vm.id).href(Hrefs.of("storagedomains", domainId, "vms", vm.id)).name(vm.name)
                .memory(vm.memoryBytes).type(VmType.fromValue(vm.vmType))
                .os(new OperatingSystemBuilder().type(vm.osType))
                .cpu(new CpuBuilder().topology(new CpuTopologyBuilder().sockets(vm.sockets).cores(vm.cores).threads(1)))
                .template(new TemplateBuilder().id(vm.templateId).href(Hrefs.of("templates", vm.templateId)))
                .storageDomain(new StorageDomainBuilder().id(domainId).href(Hrefs.of("storagedomains", domainId)))
                .build();
    }

    private ApiResponse importTemplate(ApiRequest request, Map<String, String> params) {
        Action action = Xml.read(request.body(), XmlActionReader::readOne);
        if (action.storageDomain() == null
                || (action.storageDomain().id() == null && action.storageDomain().name() == null)) {
            throw EngineFault.incomplete("Action", "storageDomain.id|name", "doImport");
        }
        ExportImportOperations.ImportRequest importRequest = new ExportImportOperations.ImportRequest(
                new Ref(action.storageDomain().id(), action.storageDomain().name()),
                action.cluster() == null ? Ref.none() : new Ref(action.cluster().id(), action.cluster().name()),
                action.clone_Present() && action.clone_(),
                action.template() == null ? null : action.template().name());
        return runJob(action, () -> operations.importTemplate(request.call(), params.get("id"), params.get("template"),
                importRequest));
    }

    /** Starts the command; answers 202 while its job runs, or waits for the job when asked not to be async. */
    private ApiResponse runJob(Action action, Supplier<JobEntity> command) {
        String[] jobId = new String[1];
        ApiResponse started = engine.write(() -> Actions.run(() -> {
            jobId[0] = command.get().id;
            return Actions.Outcome.running(jobId[0]);
        }));
        boolean blocking = action.asyncPresent() && !action.async();
        if (jobId[0] == null || !blocking) {
            return started;
        }
        return awaitJob(jobId[0]).orElse(started);
    }

    /**
     * The REST layer's blocking mode: poll the job once a second (faster when time runs faster) and
     * answer 200 with {@code complete} or {@code failed}; give up and answer 202 after a generous wait.
     */
    private Optional<ApiResponse> awaitJob(String jobId) {
        Duration expected = engine.timing().templateExport().plus(engine.timing().templateImport());
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60)).plus(expected);
        long pause = Math.min(1000, Math.max(10, expected.toMillis() / 40));
        while (Instant.now().isBefore(giveUp)) {
            String status = engine.read(() -> {
                JobEntity job = engine.estate().jobs.get(jobId);
                return job == null ? "finished" : job.status;
            });
            if (!"started".equals(status)) {
                ActionBuilder body = new ActionBuilder().status("finished".equals(status) ? "complete" : "failed")
                        .job(new JobBuilder().id(jobId).href(Hrefs.of("jobs", jobId)));
                return Optional.of(ApiResponse.ok(Xml.write(w -> XmlActionWriter.writeOne(body.build(), w))));
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }
}
