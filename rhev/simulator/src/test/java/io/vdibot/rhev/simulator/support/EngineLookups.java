package io.vdibot.rhev.simulator.support;

import java.util.List;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.services.AttachedStorageDomainService;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.StorageDomain;
import org.ovirt.engine.sdk4.types.Template;

/** Finding things on a simulated engine through the SDK, the way a client of a real one would. */
public final class EngineLookups {

    private EngineLookups() {
    }

    public static String dataCenterId(Connection connection, String name) {
        return connection.systemService().dataCentersService().list().search("name=" + name).send()
                .dataCenters().get(0).id();
    }

    public static String storageDomainId(Connection connection, String name) {
        return storageDomain(connection, name).id();
    }

    public static StorageDomain storageDomain(Connection connection, String name) {
        List<StorageDomain> found = connection.systemService().storageDomainsService().list()
                .search("name=" + name).send().storageDomains();
        if (found.size() != 1) {
            throw new AssertionError("expected one storage domain named " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    public static AttachedStorageDomainService attached(Connection connection, String dataCenterId,
            String domainId) {
        return connection.systemService().dataCentersService().dataCenterService(dataCenterId)
                .storageDomainsService().storageDomainService(domainId);
    }

    /** The templates a storage domain lists ({@code /storagedomains/{sd}/templates}). */
    public static List<Template> templatesOn(Connection connection, String domainId) {
        return connection.systemService().storageDomainsService().storageDomainService(domainId)
                .templatesService().list().send().templates();
    }

    public static Template templateOn(Connection connection, String domainId, String name, int version) {
        return templatesOn(connection, domainId).stream()
                .filter(t -> t.name().equals(name) && t.version().versionNumberAsInteger() == version)
                .findFirst().orElseThrow(() -> new AssertionError("no template " + name + " v" + version
                        + " on storage domain " + domainId));
    }

    public static List<Job> jobs(Connection connection, String correlationId) {
        return connection.systemService().jobsService().list().search("correlation_id=" + correlationId).send()
                .jobs();
    }

    /** The index of the newest event, to ask for what happens next with {@code from}. */
    public static long lastEventIndex(Connection connection) {
        List<Event> newest = connection.systemService().eventsService().list().max(1).send().events();
        return newest.isEmpty() ? 0 : newest.get(0).indexAsLong();
    }

    public static List<Event> eventsSince(Connection connection, long index) {
        return connection.systemService().eventsService().list().from(index).send().events();
    }
}
