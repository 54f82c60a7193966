package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Sub-collections the engine links from a resource that hold nothing in a simulated estate (no tags,
 * no affinity labels, no host devices, no Katello errata, no statistics are modelled): they answer an
 * empty list of the engine's element, so a client that follows every link of an object gets a valid
 * answer instead of a 404.
 */
final class EmptyCollections {

    /** rel → collection element, for every rel used below. */
    private static final Map<String, String> ELEMENTS = Map.ofEntries(
            Map.entry("affinitylabels", "affinity_labels"), Map.entry("applications", "applications"),
            Map.entry("floppies", "floppies"), Map.entry("graphicsconsoles", "graphics_consoles"),
            Map.entry("hostdevices", "host_devices"), Map.entry("katelloerrata", "katello_errata"),
            Map.entry("sessions", "sessions"), Map.entry("statistics", "statistics"), Map.entry("tags", "tags"),
            Map.entry("watchdogs", "watchdogs"), Map.entry("affinitygroups", "affinity_groups"),
            Map.entry("enabledfeatures", "cluster_features"),
            Map.entry("externalnetworkproviders", "external_providers"),
            Map.entry("glusterhooks", "gluster_hooks"), Map.entry("glustervolumes", "gluster_volumes"),
            Map.entry("networkfilters", "network_filters"), Map.entry("agents", "agents"),
            Map.entry("devices", "host_devices"),
            Map.entry("externalnetworkproviderconfigurations", "external_network_provider_configurations"),
            Map.entry("hooks", "hooks"), Map.entry("networkattachments", "network_attachments"),
            Map.entry("numanodes", "host_numa_nodes"), Map.entry("storageconnectionextensions",
                    "storage_connection_extensions"), Map.entry("unmanagednetworks", "unmanaged_networks"),
            Map.entry("iscsibonds", "iscsi_bonds"), Map.entry("qoss", "qoss"), Map.entry("networklabels",
                    "network_labels"), Map.entry("disksnapshots", "disk_snapshots"),
            Map.entry("diskprofiles", "disk_profiles"), Map.entry("storageconnections", "storage_connections"),
            Map.entry("nics", "host_nics"), Map.entry("permissions", "permissions"), Map.entry("graphicsconsoles.template", "graphics_consoles"));

    private final Engine engine;
    private final Router router;

    EmptyCollections(Engine engine, Router router) {
        this.engine = engine;
        this.router = router;
    }

    /** Serves {@code GET collection/{id}/rel} as an empty list while {@code exists} knows the id. */
    EmptyCollections serve(String collection, Predicate<String> exists, String... rels) {
        for (String rel : rels) {
            String element = ELEMENTS.get(rel);
            if (element == null) {
                throw new IllegalArgumentException("no element known for " + rel);
            }
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + element + "/>")
                    .getBytes(StandardCharsets.UTF_8);
            router.get(collection + "/{id}/" + rel, (r, p) -> engine.read(() -> {
                if (!exists.test(p.get("id"))) {
                    throw EngineFault.notFound();
                }
                return ApiResponse.ok(body);
            }));
        }
        return this;
    }
}
