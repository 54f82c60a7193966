package io.vdibot.rhev.template;

import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.HostInfo;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.task.CorrelationIds;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ovirt.engine.sdk4.builders.HostBuilder;
import org.ovirt.engine.sdk4.builders.HostStorageBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.services.AttachedStorageDomainService;
import org.ovirt.engine.sdk4.types.DataCenter;
import org.ovirt.engine.sdk4.types.StorageDomain;
import org.ovirt.engine.sdk4.types.StorageDomainType;
import org.ovirt.engine.sdk4.types.StorageType;

/**
 * The storage-domain operations of a template migration, as the engine offers them: the per-data-center view
 * (attach, activate, deactivate, detach) and the engine-wide one (import an existing NFS domain, remove it without
 * formatting). Reads are collection queries; writes carry a correlation id so their jobs and events can be found.
 */
final class ExportDomains {

    /** A domain as one data center sees it. @param status e.g. {@code active}, {@code maintenance} */
    record Attached(ExportDomain domain, String status) {
    }

    /** A domain as an engine knows it. @param dataCenterIds where it is attached, empty when unattached */
    record Known(String id, String name, List<String> dataCenterIds) {
        boolean attached() {
            return !dataCenterIds.isEmpty();
        }
    }

    /** An export domain an engine lists, with its NFS export. @param dataCenterIds empty when unattached */
    record Listed(ExportDomain domain, List<String> dataCenterIds) {
    }

    private final EngineCalls calls;
    private final InventoryQueries queries;

    ExportDomains(InventoryQueries queries) {
        this.queries = queries;
        this.calls = queries.calls();
    }

    /** The export domains attached to a data center, with their status there and their NFS export. */
    List<Attached> exportDomainsIn(String site, String dataCenterId) {
        return attachedTo(site, dataCenterId).stream()
                .filter(sd -> sd.type() == StorageDomainType.EXPORT)
                .filter(sd -> sd.storage() != null && sd.storage().address() != null && sd.storage().path() != null)
                .map(sd -> new Attached(new ExportDomain(sd.id(), sd.name(), sd.storage().address(),
                        sd.storage().path()), sd.status() == null ? "unknown" : sd.status().value()))
                .toList();
    }

    /** The status of domain {@code domainId} in a data center, empty when it is not attached there. */
    Optional<String> statusIn(String site, String dataCenterId, String domainId) {
        return attachedTo(site, dataCenterId).stream().filter(sd -> domainId.equals(sd.id())).findFirst()
                .map(sd -> sd.status() == null ? "unknown" : sd.status().value());
    }

    /** Every NFS export domain an engine knows, attached or not, and where it is attached. */
    List<Listed> exportDomainsKnownTo(String site) {
        return allDomains(site).stream()
                .filter(sd -> sd.type() == StorageDomainType.EXPORT)
                .filter(sd -> sd.storage() != null && sd.storage().address() != null && sd.storage().path() != null)
                .map(sd -> new Listed(new ExportDomain(sd.id(), sd.name(), sd.storage().address(),
                        sd.storage().path()), sd.dataCenters().stream().map(DataCenter::id).toList()))
                .toList();
    }

    /** How an engine knows the domain: by its id, or by its NFS export (the same domain under another id). */
    Optional<Known> known(String site, ExportDomain domain) {
        return allDomains(site).stream()
                .filter(sd -> domain.id().equals(sd.id()) || (sd.storage() != null
                        && domain.address().equals(sd.storage().address())
                        && domain.path().equals(sd.storage().path())))
                .findFirst()
                .map(sd -> new Known(sd.id(), sd.name(), sd.dataCenters().stream().map(DataCenter::id).toList()));
    }

    /**
     * A host that is up in the data center (an engine reaches storage through a host), by name; with a null data
     * center, one anywhere at the site (a domain attached to no data center is removed through any host).
     */
    Optional<HostInfo> upHost(String site, String dataCenterId) {
        Map<String, String> dataCenterOfCluster = queries.clusters(site, queries.dataCenters(site)).stream()
                .filter(c -> c.dataCenterId() != null)
                .collect(Collectors.toMap(ClusterInfo::id, ClusterInfo::dataCenterId, (a, b) -> a));
        return queries.hosts(site).stream()
                .filter(h -> "up".equals(h.status()))
                .filter(h -> dataCenterId == null || dataCenterId.equals(dataCenterOfCluster.get(h.clusterId())))
                .min(Comparator.comparing(HostInfo::name));
    }

    void deactivate(String site, String dataCenterId, String domainId, String correlationId) {
        calls.run(site, "deactivate storage domain " + domainId, c -> attached(c, dataCenterId, domainId)
                .deactivate().header(CorrelationIds.HEADER, correlationId).send());
    }

    void activate(String site, String dataCenterId, String domainId, String correlationId) {
        calls.run(site, "activate storage domain " + domainId, c -> attached(c, dataCenterId, domainId)
                .activate().header(CorrelationIds.HEADER, correlationId).send());
    }

    /** Detaches the domain from the data center; it must be in maintenance. */
    void detach(String site, String dataCenterId, String domainId, String correlationId) {
        calls.run(site, "detach storage domain " + domainId, c -> attached(c, dataCenterId, domainId)
                .remove().header(CorrelationIds.HEADER, correlationId).send());
    }

    /**
     * Removes the domain from the engine without formatting it: formatting would wipe the metadata that lets the
     * other engine import it with its templates.
     */
    void removeKeepingData(String site, String domainId, String hostName, String correlationId) {
        calls.run(site, "remove storage domain " + domainId, c -> c.systemService().storageDomainsService()
                .storageDomainService(domainId).remove().host(hostName).format(false)
                .header(CorrelationIds.HEADER, correlationId).send());
    }

    /** Imports the existing NFS export domain into an engine, which reads its id and name from the metadata. */
    String importExisting(String site, ExportDomain domain, String hostName, String correlationId) {
        return calls.call(site, "import storage domain " + domain.location(), c -> c.systemService()
                .storageDomainsService().add()
                .storageDomain(new StorageDomainBuilder().type(StorageDomainType.EXPORT)
                        .storage(new HostStorageBuilder().type(StorageType.NFS).address(domain.address())
                                .path(domain.path()))
                        .host(new HostBuilder().name(hostName)))
                .header(CorrelationIds.HEADER, correlationId).send().storageDomain().id());
    }

    /** Attaches the domain to a data center; through the REST API this also activates it. */
    void attach(String site, String dataCenterId, String domainId, String correlationId) {
        calls.run(site, "attach storage domain " + domainId, c -> c.systemService().dataCentersService()
                .dataCenterService(dataCenterId).storageDomainsService().add()
                .storageDomain(new StorageDomainBuilder().id(domainId))
                .header(CorrelationIds.HEADER, correlationId).send());
    }

    private List<StorageDomain> attachedTo(String site, String dataCenterId) {
        return list(site, "list storage domains of data center " + dataCenterId, c -> c.systemService()
                .dataCentersService().dataCenterService(dataCenterId).storageDomainsService().list().send()
                .storageDomains());
    }

    private List<StorageDomain> allDomains(String site) {
        return list(site, "list storage domains",
                c -> c.systemService().storageDomainsService().list().send().storageDomains());
    }

    private <T> List<T> list(String site, String what, Function<org.ovirt.engine.sdk4.Connection, List<T>> query) {
        return calls.call(site, what, c -> List.copyOf(query.apply(c)));
    }

    private static AttachedStorageDomainService attached(org.ovirt.engine.sdk4.Connection c, String dataCenterId,
            String domainId) {
        return c.systemService().dataCentersService().dataCenterService(dataCenterId).storageDomainsService()
                .storageDomainService(domainId);
    }
}
