package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.Ref;
import io.vdibot.rhev.simulator.engine.StorageOperations;
import io.vdibot.rhev.simulator.http.ApiRequest;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ovirt.engine.sdk4.internal.xml.XmlStorageDomainReader;
import org.ovirt.engine.sdk4.internal.xml.XmlStorageDomainWriter;
import org.ovirt.engine.sdk4.types.StorageDomain;

/**
 * {@code /storagedomains} (the engine-wide view, importing and removing domains) and
 * {@code /datacenters/{dc}/storagedomains} (attach, activate, deactivate, detach).
 */
public final class StorageResources {

    static final Set<String> SEARCH_FIELDS = Set.of("name", "id", "type", "status", "datacenter");

    private final Engine engine;
    private final Estate estate;
    private final StorageOperations storage;
    private final StorageRepresentation representation;

    public StorageResources(Engine engine, StorageOperations storage) {
        this.engine = engine;
        this.estate = engine.estate();
        this.storage = storage;
        this.representation = new StorageRepresentation(estate);
    }

    /** The sub-collections a top-level storage domain links; its data-center view links none. */
    static final Map<String, List<String>> LINKS = Map.of("storage_domain", List.of("diskprofiles",
            "disksnapshots", "disks", "permissions", "storageconnections", "templates", "vms"));

    public void register(Router router) {
        new StorageContentResources(engine).register(router);
        router.get("storagedomains", this::list)
                .post("storagedomains", this::importExisting)
                .get("storagedomains/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.writeLinked(LINKS, w ->
                        XmlStorageDomainWriter.writeOne(representation.topLevel(storage.require(p.get("id"))), w)))))
                .delete("storagedomains/{id}", (r, p) -> {
                    String host = r.param("host").orElse(null);
                    boolean format = r.booleanParam("format").orElse(false);
                    return engine.write(() -> completed(storage.remove(r.call(), p.get("id"), host, format)));
                })
                .get("datacenters/{dc}/storagedomains", (r, p) -> engine.read(() -> {
                    List<StorageDomain> out = new ArrayList<>();
                    storage.attachedTo(p.get("dc")).forEach(d -> out.add(representation.attached(d)));
                    return ApiResponse.ok(Xml.write(w -> XmlStorageDomainWriter.writeMany(out.iterator(), w)));
                }))
                .get("datacenters/{dc}/storagedomains/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.write(w ->
                        XmlStorageDomainWriter.writeOne(representation.attached(
                                storage.requireAttached(p.get("dc"), p.get("id"))), w)))))
                .post("datacenters/{dc}/storagedomains", this::attach)
                .delete("datacenters/{dc}/storagedomains/{id}", (r, p) -> engine.write(() ->
                        completed(storage.detach(r.call(), p.get("dc"), p.get("id")))))
                .post("datacenters/{dc}/storagedomains/{id}/activate", (r, p) -> engine.write(() ->
                        Actions.run(() -> Actions.Outcome.done(
                                storage.activate(r.call(), p.get("dc"), p.get("id")).id))))
                .post("datacenters/{dc}/storagedomains/{id}/deactivate", (r, p) -> engine.write(() ->
                        Actions.run(() -> Actions.Outcome.done(
                                storage.deactivate(r.call(), p.get("dc"), p.get("id")).id))));
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        return engine.read(() -> {
            List<StorageDomainEntity> selected = Listing.select(request, new ArrayList<>(estate.storageDomains.values()),
                    SEARCH_FIELDS, this::field);
            List<StorageDomain> out = new ArrayList<>(selected.size());
            selected.forEach(d -> out.add(representation.topLevel(d)));
            return ApiResponse.ok(Xml.writeLinked(LINKS, w -> XmlStorageDomainWriter.writeMany(out.iterator(), w)));
        });
    }

    private ApiResponse importExisting(ApiRequest request, Map<String, String> params) {
        StorageDomain body = Xml.read(request.body(), XmlStorageDomainReader::readOne);
        StorageOperations.NewDomain newDomain = new StorageOperations.NewDomain(body.name(),
                body.type() == null ? null : body.type().value(),
                body.storage() == null || body.storage().type() == null ? null : body.storage().type().value(),
                body.storage() == null ? null : body.storage().address(),
                body.storage() == null ? null : body.storage().path(),
                body.host() == null ? Ref.none() : new Ref(body.host().id(), body.host().name()));
        return engine.write(() -> {
            StorageDomainEntity domain = storage.importExisting(request.call(), newDomain);
            return ApiResponse.of(201, Xml.write(w ->
                    XmlStorageDomainWriter.writeOne(representation.topLevel(domain), w)))
                    .withHeader("Location", Hrefs.of("storagedomains", domain.id));
        });
    }

    private ApiResponse attach(ApiRequest request, Map<String, String> params) {
        StorageDomain body = Xml.read(request.body(), XmlStorageDomainReader::readOne);
        if (body.id() == null && body.name() == null) {
            throw new EngineFault(400, "Input validation failed.",
                    "Parameters 'storage_domain.id' or 'storage_domain.name' are mandatory but both were not provided.");
        }
        return engine.write(() -> {
            StorageDomainEntity domain = storage.attach(request.call(), params.get("dc"),
                    new Ref(body.id(), body.name()));
            return ApiResponse.of(201, Xml.write(w ->
                    XmlStorageDomainWriter.writeOne(representation.attached(domain), w)))
                    .withHeader("Location", Hrefs.of("datacenters", domain.dataCenterId, "storagedomains", domain.id));
        });
    }

    /** What a synchronous DELETE answers once the command ran: {@code <action>} complete, with its job. */
    private static ApiResponse completed(JobEntity job) {
        return Actions.run(() -> Actions.Outcome.done(job.id));
    }

    private Object field(StorageDomainEntity domain, String field) {
        return switch (field) {
            case "name" -> domain.name;
            case "id" -> domain.id;
            case "type" -> domain.type;
            case "status" -> domain.dataCenterId == null ? "unattached" : domain.status;
            case "datacenter" -> {
                DataCenterEntity dc = domain.dataCenterId == null ? null : estate.dataCenters.get(domain.dataCenterId);
                yield dc == null ? null : dc.name;
            }
            default -> null;
        };
    }
}
