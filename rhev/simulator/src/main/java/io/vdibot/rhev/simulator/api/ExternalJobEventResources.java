package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.http.ApiRequest;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.EventEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import java.util.Map;
import org.ovirt.engine.sdk4.internal.xml.XmlActionReader;
import org.ovirt.engine.sdk4.internal.xml.XmlEventReader;
import org.ovirt.engine.sdk4.internal.xml.XmlEventWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlJobReader;
import org.ovirt.engine.sdk4.internal.xml.XmlJobWriter;
import org.ovirt.engine.sdk4.types.Action;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;

/**
 * What external tools write into the engine's monitoring: jobs of their own ({@code POST /jobs},
 * then {@code end} or {@code clear}) and custom events ({@code POST /events}), as AddExternalJob
 * and AddExternalEvent do.
 */
final class ExternalJobEventResources {

    /** AuditLogType EXTERNAL_EVENT_NORMAL / _WARNING / _ERROR (codes as the engine's audit log types). */
    private static final Map<String, Integer> EXTERNAL_EVENT_CODES = Map.of("normal", 12001, "warning", 12002,
            "error", 12003, "alert", 12004);

    private final Engine engine;
    private final Estate estate;

    ExternalJobEventResources(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
    }

    void register(Router router) {
        router.post("jobs", this::addJob)
                .post("jobs/{id}/end", (r, p) -> endJob(r, p.get("id")))
                .post("jobs/{id}/clear", (r, p) -> engine.write(() -> Actions.run(() -> {
                    JobEntity job = requireJob(p.get("id"));
                    estate.jobs.remove(job.id);
                    return Actions.Outcome.done(null);
                })))
                .post("events", this::addEvent);
    }

    private ApiResponse addJob(ApiRequest request, Map<String, String> params) {
        Job body = Xml.read(request.body(), XmlJobReader::readOne);
        if (body.description() == null) {
            throw EngineFault.incomplete("Job", "description", "add");
        }
        JobEntity job = engine.write(() -> {
            JobEntity added = engine.startJob(body.description(), request.call().correlationId());
            added.external = true;
            added.autoCleared = !body.autoClearedPresent() || body.autoCleared();
            added.steps.clear();
            return added;
        });
        Job out = engine.read(() -> InventoryRepresentation.job(job));
        return ApiResponse.of(201, Xml.write(w -> XmlJobWriter.writeOne(out, w)))
                .withHeader("Location", Hrefs.of("jobs", job.id));
    }

    private ApiResponse endJob(ApiRequest request, String jobId) {
        Action action = request.body().length == 0 ? null : Xml.read(request.body(), XmlActionReader::readOne);
        boolean succeeded = action == null || !action.succeededPresent() || action.succeeded();
        return engine.write(() -> Actions.run(() -> {
            JobEntity job = requireJob(jobId);
            if (!job.external) {
                throw EngineFault.badRequest("Cannot end Job. Job is not external.");
            }
            if (!"started".equals(job.status)) {
                throw EngineFault.badRequest("Cannot end Job. Job is not in started status.");
            }
            engine.endJob(job.id, succeeded);
            return Actions.Outcome.done(null);
        }));
    }

    private JobEntity requireJob(String id) {
        JobEntity job = estate.jobs.get(id);
        if (job == null) {
            throw EngineFault.notFound();
        }
        return job;
    }

    private ApiResponse addEvent(ApiRequest request, Map<String, String> params) {
        Event body = Xml.read(request.body(), XmlEventReader::readOne);
        if (body.description() == null || body.severity() == null || body.origin() == null
                || body.customId() == null) {
            throw EngineFault.incomplete("Event", "description, severity, origin, customId", "add");
        }
        String severity = body.severity().value();
        EventEntity added = engine.write(() -> engine.event(EXTERNAL_EVENT_CODES.getOrDefault(severity, 12001),
                severity, body.description(), request.call().correlationId(), e -> {
                    e.origin = body.origin();
                    e.customId = body.customIdAsInteger();
                    e.vmId = body.vm() == null ? null : body.vm().id();
                    e.hostId = body.host() == null ? null : body.host().id();
                    e.clusterId = body.cluster() == null ? null : body.cluster().id();
                    e.dataCenterId = body.dataCenter() == null ? null : body.dataCenter().id();
                }));
        Event out = engine.read(() -> InventoryRepresentation.event(added));
        return ApiResponse.of(201, Xml.write(w -> XmlEventWriter.writeOne(out, w)))
                .withHeader("Location", Hrefs.of("events", Long.toString(added.index)));
    }
}
