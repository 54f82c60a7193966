package io.vdibot.rhev.simulator.api;

import static io.vdibot.rhev.simulator.api.InventoryResources.find;
import static io.vdibot.rhev.simulator.api.InventoryResources.map;
import static io.vdibot.rhev.simulator.api.InventoryResources.values;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.EventEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.ovirt.engine.sdk4.internal.xml.XmlEventWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlJobWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlStepWriter;

/**
 * Jobs with their steps, and the audit log: events newest first, optionally only those after an index.
 */
final class JobEventResources {

    private static final Set<String> JOB_FIELDS = Set.of("correlation_id");
    private static final Set<String> EVENT_FIELDS = Set.of("type", "severity", "message", "correlation_id",
            "event_vm", "event_template", "event_storage", "event_datacenter");

    private final Engine engine;
    private final Estate estate;

    JobEventResources(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
    }

    void register(Router router) {
        new ExternalJobEventResources(engine).register(router);
        router.get("jobs", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w -> XmlJobWriter.writeMany(
                map(Listing.select(r, values(estate.jobs), JOB_FIELDS, (j, f) -> j.correlationId),
                        InventoryRepresentation::job).iterator(), w)))));
        router.get("jobs/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                XmlJobWriter.writeOne(InventoryRepresentation.job(find(estate.jobs, p)), w)))));
        router.get("jobs/{id}/steps", (r, p) -> engine.read(() -> {
            JobEntity job = find(estate.jobs, p);
            return ApiResponse.ok(Xml.write(w -> XmlStepWriter.writeMany(
                    map(job.steps, s -> InventoryRepresentation.step(job, s)).iterator(), w)));
        }));
        router.get("events/{id}", (r, p) -> engine.read(() -> {
            EventEntity event = estate.events.stream().filter(e -> Long.toString(e.index).equals(p.get("id")))
                    .findFirst().orElseThrow(EngineFault::notFound);
            return ApiResponse.ok(Xml.write(w -> XmlEventWriter.writeOne(InventoryRepresentation.event(event), w)));
        }));
        router.get("events", (r, p) -> engine.read(() -> {
            long from = r.param("from").map(JobEventResources::eventIndex).orElse(0L);
            List<EventEntity> newestFirst = new ArrayList<>(estate.events.stream().filter(e -> e.index > from).toList());
            newestFirst.sort(Comparator.comparingLong((EventEntity e) -> e.index).reversed());
            List<EventEntity> selected = Listing.select(r, newestFirst, EVENT_FIELDS, this::eventField);
            return ApiResponse.ok(Xml.write(w -> XmlEventWriter.writeMany(
                    map(selected, InventoryRepresentation::event).iterator(), w)));
        }));
    }

    private static long eventIndex(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new EngineFault(400, "Invalid value", "Value '" + value + "' of parameter 'from' is not a valid integer");
        }
    }

    private Object eventField(EventEntity event, String field) {
        return switch (field) {
            case "type" -> event.code;
            case "severity" -> event.severity;
            case "message" -> event.description;
            case "correlation_id" -> event.correlationId;
            case "event_vm" -> event.vmId == null ? null : nameOf(estate.vms.get(event.vmId));
            case "event_template" -> event.templateId == null ? null
                    : java.util.Optional.ofNullable(estate.templates.get(event.templateId)).map(t -> t.name).orElse(null);
            case "event_storage" -> event.storageDomainId == null ? null
                    : java.util.Optional.ofNullable(estate.storageDomains.get(event.storageDomainId))
                            .map(s -> s.name).orElse(null);
            default -> event.dataCenterId == null ? null
                    : java.util.Optional.ofNullable(estate.dataCenters.get(event.dataCenterId)).map(d -> d.name)
                            .orElse(null);
        };
    }

    private static String nameOf(io.vdibot.rhev.simulator.model.VmEntity vm) {
        return vm == null ? null : vm.name;
    }
}
