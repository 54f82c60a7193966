package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.DomainEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.GroupEntity;
import io.vdibot.rhev.simulator.model.JobEntity;
import java.util.Optional;

/**
 * AddStoragePool / UpdateStoragePool (data centers), AddCluster / UpdateCluster and AddGroup: the
 * writes administration scripts make before any VM exists. Compatibility versions go from 4.4 to 4.7,
 * a cluster's version cannot be above its data center's, and a data center's cannot go down.
 */
public final class InfrastructureOperations {

    /** Fields of a data center or cluster request; null leaves a field as it is or takes the default. */
    public record Change(String name, String description, Integer versionMajor, Integer versionMinor,
            Ref dataCenter, String cpuType, Integer memoryOverCommitPercent) {
    }

    private static final int LOWEST_MINOR = 4;
    private static final int HIGHEST_MINOR = 7;

    private final Engine engine;
    private final Estate estate;

    public InfrastructureOperations(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
    }

    public DataCenterEntity addDataCenter(Call call, Change request) {
        if (request.name() == null) {
            throw EngineFault.incomplete("DataCenter", "name", "add");
        }
        if (estate.dataCenters.values().stream().anyMatch(dc -> dc.name.equals(request.name()))) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed("create", "Data Center"));
        }
        DataCenterEntity dc = new DataCenterEntity();
        dc.id = engine.newId();
        dc.name = request.name();
        dc.description = request.description();
        // an empty data center is uninitialized until a data domain is attached
        dc.status = "uninitialized";
        setVersion(dc, request, "create", "Data Center");
        JobEntity job = engine.startJob("Adding Data Center " + dc.name, call.correlationId());
        estate.dataCenters.put(dc.id, dc);
        engine.event(950, "normal", "Data Center " + dc.name + " was added by " + call.userName() + ".",
                call.correlationId(), e -> e.dataCenterId = dc.id);
        engine.endJob(job.id, true);
        return dc;
    }

    public DataCenterEntity updateDataCenter(Call call, String id, Change request) {
        DataCenterEntity dc = Optional.ofNullable(estate.dataCenters.get(id)).orElseThrow(EngineFault::notFound);
        if (request.name() != null && estate.dataCenters.values().stream()
                .anyMatch(other -> other != dc && other.name.equals(request.name()))) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed("update", "Data Center"));
        }
        if (request.versionMinor() != null && request.versionMinor() < dc.versionMinor) {
            throw EngineFault.conflict("Cannot update Data Center. Cannot decrease data center compatibility version.");
        }
        if (request.name() != null) {
            dc.name = request.name();
        }
        if (request.description() != null) {
            dc.description = request.description();
        }
        setVersion(dc, request, "update", "Data Center");
        engine.event(952, "normal", "Data Center " + dc.name + " was updated by " + call.userName() + ".",
                call.correlationId(), e -> e.dataCenterId = dc.id);
        return dc;
    }

    public ClusterEntity addCluster(Call call, Change request) {
        if (request.name() == null) {
            throw EngineFault.incomplete("Cluster", "name", "add");
        }
        if (request.dataCenter() == null) {
            throw EngineFault.incomplete("Cluster", "dataCenter.id|name", "add");
        }
        DataCenterEntity dc = resolve(request.dataCenter());
        if (estate.clusters.values().stream().anyMatch(c -> c.name.equals(request.name()))) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed("create", "Cluster"));
        }
        ClusterEntity cluster = new ClusterEntity();
        cluster.id = engine.newId();
        cluster.name = request.name();
        cluster.description = request.description();
        cluster.dataCenterId = dc.id;
        cluster.managementNetworkId = estate.networks.values().stream().filter(n -> dc.id.equals(n.dataCenterId))
                .map(n -> n.id).findFirst().orElse(null);
        apply(cluster, request, dc, "create");
        JobEntity job = engine.startJob("Adding Cluster " + cluster.name + " to Data Center " + dc.name,
                call.correlationId());
        estate.clusters.put(cluster.id, cluster);
        engine.event(809, "normal", "Cluster " + cluster.name + " was added by " + call.userName() + ".",
                call.correlationId(), e -> e.clusterId = cluster.id);
        engine.endJob(job.id, true);
        return cluster;
    }

    public ClusterEntity updateCluster(Call call, String id, Change request) {
        ClusterEntity cluster = Optional.ofNullable(estate.clusters.get(id)).orElseThrow(EngineFault::notFound);
        if (request.name() != null && estate.clusters.values().stream()
                .anyMatch(other -> other != cluster && other.name.equals(request.name()))) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed("update", "Cluster"));
        }
        if (request.dataCenter() != null && !resolve(request.dataCenter()).id.equals(cluster.dataCenterId)) {
            throw EngineFault.conflict("Cannot update Cluster. Changing the Data Center of a Cluster is not allowed.");
        }
        if (request.name() != null) {
            cluster.name = request.name();
        }
        if (request.description() != null) {
            cluster.description = request.description();
        }
        apply(cluster, request, estate.dataCenters.get(cluster.dataCenterId), "update");
        engine.event(811, "normal", "Host cluster " + cluster.name + " was updated by " + call.userName(),
                call.correlationId(), e -> e.clusterId = cluster.id);
        return cluster;
    }

    /** AddGroup: a group of a known directory joins the engine (idempotent for the same group). */
    public GroupEntity addGroup(Call call, String name, Ref domain) {
        if (name == null || domain == null) {
            throw EngineFault.incomplete("Group", "name, domain.id|name", "add");
        }
        DomainEntity directory = estate.domains.values().stream()
                .filter(d -> d.id.equals(domain.id()) || d.name.equals(domain.name())).findFirst()
                .orElseThrow(() -> EngineFault.entityNotFound(domain.describe("Domain")));
        Optional<GroupEntity> existing = estate.groups.values().stream()
                .filter(g -> g.name.equals(name) && g.domainId.equals(directory.id)).findFirst();
        if (existing.isPresent()) {
            throw EngineFault.conflict("Cannot add Group. The group already exists.");
        }
        GroupEntity group = new GroupEntity();
        group.id = engine.newId();
        group.name = name;
        group.domainId = directory.id;
        group.namespace = "*";
        estate.groups.put(group.id, group);
        engine.event(149, "normal", "User " + call.userName() + " added group " + name + ".", call.correlationId(),
                e -> { });
        return group;
    }

    private void apply(ClusterEntity cluster, Change request, DataCenterEntity dc, String action) {
        if (request.versionMinor() != null && (request.versionMinor() > dc.versionMinor
                || request.versionMinor() < LOWEST_MINOR)) {
            throw EngineFault.conflict("Cannot " + action + " Cluster. The Cluster's compatibility version is not"
                    + " supported by its Data Center.");
        }
        if (request.cpuType() != null) {
            cluster.cpuType = request.cpuType();
        }
        if (request.memoryOverCommitPercent() != null) {
            cluster.memoryOverCommitPercent = request.memoryOverCommitPercent();
        }
    }

    private static void setVersion(DataCenterEntity dc, Change request, String action, String type) {
        if (request.versionMinor() == null) {
            return;
        }
        if ((request.versionMajor() != null && request.versionMajor() != 4) || request.versionMinor() < LOWEST_MINOR
                || request.versionMinor() > HIGHEST_MINOR) {
            throw EngineFault.badRequest("Cannot " + action + " " + type + ". Selected Compatibility Version is not"
                    + " supported.");
        }
        dc.versionMajor = 4;
        dc.versionMinor = request.versionMinor();
    }

    private DataCenterEntity resolve(Ref ref) {
        Optional<DataCenterEntity> dc = ref.id() != null ? Optional.ofNullable(estate.dataCenters.get(ref.id()))
                : estate.dataCenters.values().stream().filter(d -> d.name.equals(ref.name())).findFirst();
        return dc.orElseThrow(() -> EngineFault.entityNotFound(ref.describe("DataCenter")));
    }

}
