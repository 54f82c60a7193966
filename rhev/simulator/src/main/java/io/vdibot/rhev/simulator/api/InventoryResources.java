package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.engine.PermissionOperations;
import io.vdibot.rhev.simulator.http.ApiResponse;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.model.Estate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ovirt.engine.sdk4.builders.ApiBuilder;
import org.ovirt.engine.sdk4.builders.ApiSummaryBuilder;
import org.ovirt.engine.sdk4.builders.ApiSummaryItemBuilder;
import org.ovirt.engine.sdk4.builders.ProductInfoBuilder;
import org.ovirt.engine.sdk4.builders.SpecialObjectsBuilder;
import org.ovirt.engine.sdk4.builders.TagBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VersionBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlApiWriter;
import org.ovirt.engine.sdk4.internal.xml.XmlDiskWriter;

/**
 * The read-mostly parts of the API: the entry point, data centers, clusters, hosts, networks and disks
 * here; the directory, permissions on any object, and jobs and events in their own classes, which
 * this one registers.
 */
public final class InventoryResources {

    static final Set<String> NAME_FIELDS = Set.of("name", "id", "description");
    private static final Map<String, List<String>> DISK_LINKS = Map.of("disk",
            List.of("disksnapshots", "permissions", "statistics"));
    private final Engine engine;
    private final Estate estate;
    private final PermissionOperations permissions;

    public InventoryResources(Engine engine, PermissionOperations permissions) {
        this.engine = engine;
        this.estate = engine.estate();
        this.permissions = permissions;
    }

    public void register(Router router) {
        router.get("", (r, p) -> engine.read(this::entryPoint));
        new InfrastructureResources(engine).register(router);
        router.get("disks", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.writeLinked(DISK_LINKS, w -> XmlDiskWriter.writeMany(
                map(Listing.select(r, values(estate.disks), Set.of("name", "alias", "id", "status"), (d, f) -> switch (f) {
                    case "id" -> d.id;
                    case "status" -> d.status;
                    default -> d.alias;
                }), d -> VmRepresentation.diskBuilder(d).build()).iterator(), w)))));
        new EmptyCollections(engine, router).serve("disks", estate.disks::containsKey, "disksnapshots",
                "permissions", "statistics");
        router.get("disks/{id}", (r, p) -> engine.read(() -> ApiResponse.ok(Xml.writeLinked(DISK_LINKS, w ->
                XmlDiskWriter.writeOne(VmRepresentation.diskBuilder(find(estate.disks, p)).build(), w)))));
        new DirectoryResources(engine).register(router);
        new PermissionResources(engine, permissions).register(router);
        new InfrastructureWriteResources(engine, permissions).register(router);
        new JobEventResources(engine).register(router);
    }

    private ApiResponse entryPoint() {
        long hostsUp = estate.hosts.values().stream().filter(h -> "up".equals(h.status)).count();
        long vmsUp = estate.vms.values().stream().filter(v -> "up".equals(v.status)).count();
        long domainsActive = estate.storageDomains.values().stream().filter(s -> "active".equals(s.status)).count();
        ApiBuilder api = new ApiBuilder()
                .productInfo(new ProductInfoBuilder().name("oVirt Engine").vendor("ovirt.org")
                        .instanceId(estate.siteName)
                        .version(new VersionBuilder().major(4).minor(4).build(10).revision(7)
                                .fullVersion("4.4.10.7-1.el8")))
                .specialObjects(new SpecialObjectsBuilder()
                        .blankTemplate(new TemplateBuilder().id("00000000-0000-0000-0000-000000000000")
                                .href(Hrefs.of("templates", "00000000-0000-0000-0000-000000000000")))
                        .rootTag(new TagBuilder().id("00000000-0000-0000-0000-000000000000")
                                .href(Hrefs.of("tags", "00000000-0000-0000-0000-000000000000"))))
                .summary(new ApiSummaryBuilder()
                        .hosts(new ApiSummaryItemBuilder().active(hostsUp).total(estate.hosts.size()))
                        .storageDomains(new ApiSummaryItemBuilder().active(domainsActive)
                                .total(estate.storageDomains.size()))
                        .users(new ApiSummaryItemBuilder().active(estate.users.size()).total(estate.users.size()))
                        .vms(new ApiSummaryItemBuilder().active(vmsUp).total(estate.vms.size())))
                .time(Dates.of(engine.now()));
        return ApiResponse.ok(Xml.write(w -> XmlApiWriter.writeOne(api.build(), w)));
    }




    static <T> List<T> values(Map<String, T> map) {
        return new ArrayList<>(map.values());
    }

    static <T, R> List<R> map(List<T> items, Function<T, R> mapper) {
        List<R> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(mapper.apply(item)));
        return out;
    }

    static <T> T find(Map<String, T> map, Map<String, String> params) {
        T found = map.get(params.get("id"));
        if (found == null) {
            throw EngineFault.notFound();
        }
        return found;
    }
}
