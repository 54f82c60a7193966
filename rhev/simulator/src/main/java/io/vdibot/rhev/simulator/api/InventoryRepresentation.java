package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.DomainEntity;
import io.vdibot.rhev.simulator.model.EventEntity;
import io.vdibot.rhev.simulator.model.GroupEntity;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.NetworkEntity;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.RoleEntity;
import io.vdibot.rhev.simulator.model.UserEntity;
import io.vdibot.rhev.simulator.model.VnicProfileEntity;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.CpuBuilder;
import org.ovirt.engine.sdk4.builders.DataCenterBuilder;
import org.ovirt.engine.sdk4.builders.DomainBuilder;
import org.ovirt.engine.sdk4.builders.EventBuilder;
import org.ovirt.engine.sdk4.builders.GroupBuilder;
import org.ovirt.engine.sdk4.builders.HostBuilder;
import org.ovirt.engine.sdk4.builders.JobBuilder;
import org.ovirt.engine.sdk4.builders.MemoryOverCommitBuilder;
import org.ovirt.engine.sdk4.builders.MemoryPolicyBuilder;
import org.ovirt.engine.sdk4.builders.NetworkBuilder;
import org.ovirt.engine.sdk4.builders.PermissionBuilder;
import org.ovirt.engine.sdk4.builders.RoleBuilder;
import org.ovirt.engine.sdk4.builders.StepBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.UserBuilder;
import org.ovirt.engine.sdk4.builders.VersionBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.builders.VmPoolBuilder;
import org.ovirt.engine.sdk4.builders.VnicProfileBuilder;
import org.ovirt.engine.sdk4.types.Cluster;
import org.ovirt.engine.sdk4.types.DataCenter;
import org.ovirt.engine.sdk4.types.DataCenterStatus;
import org.ovirt.engine.sdk4.types.Domain;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Group;
import org.ovirt.engine.sdk4.types.Host;
import org.ovirt.engine.sdk4.types.HostStatus;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.LogSeverity;
import org.ovirt.engine.sdk4.types.Network;
import org.ovirt.engine.sdk4.types.Permission;
import org.ovirt.engine.sdk4.types.Role;
import org.ovirt.engine.sdk4.types.Step;
import org.ovirt.engine.sdk4.types.StepEnum;
import org.ovirt.engine.sdk4.types.StepStatus;
import org.ovirt.engine.sdk4.types.User;
import org.ovirt.engine.sdk4.types.VnicProfile;

/** Data centers, clusters, hosts, networks, directory objects, jobs and events as the engine shows them. */
public final class InventoryRepresentation {

    private InventoryRepresentation() {
    }

    public static DataCenter dataCenter(DataCenterEntity dc) {
        DataCenterBuilder b = new DataCenterBuilder().id(dc.id).href(Hrefs.of("datacenters", dc.id)).name(dc.name)
                .status(DataCenterStatus.fromValue(dc.status)).local(false)
                .version(new VersionBuilder().major(dc.versionMajor).minor(dc.versionMinor));
        if (dc.description != null) {
            b.description(dc.description);
        }
        return b.build();
    }

    public static Cluster cluster(ClusterEntity cluster) {
        ClusterBuilder b = new ClusterBuilder().id(cluster.id).href(Hrefs.of("clusters", cluster.id))
                .name(cluster.name)
                .cpu(new CpuBuilder().type(cluster.cpuType))
                .dataCenter(new DataCenterBuilder().id(cluster.dataCenterId)
                        .href(Hrefs.of("datacenters", cluster.dataCenterId)))
                .version(new VersionBuilder().major(4).minor(7))
                .memoryPolicy(new MemoryPolicyBuilder().overCommit(new MemoryOverCommitBuilder()
                        .percent(cluster.memoryOverCommitPercent)));
        if (cluster.description != null) {
            b.description(cluster.description);
        }
        return b.build();
    }

    /** @param maxSchedulingMemory what the scheduler can still place on the host, in bytes */
    public static Host host(HostEntity host, long maxSchedulingMemory) {
        return new HostBuilder().id(host.id).href(Hrefs.of("hosts", host.id)).name(host.name)
                .address(host.address).status(HostStatus.fromValue(host.status))
                .cluster(new ClusterBuilder().id(host.clusterId).href(Hrefs.of("clusters", host.clusterId)))
                .memory(host.memoryBytes)
                .maxSchedulingMemory(maxSchedulingMemory)
                .cpu(new CpuBuilder().topology(new org.ovirt.engine.sdk4.builders.CpuTopologyBuilder()
                        .sockets(2).cores(Math.max(1, host.cpuCores / 2)).threads(2)))
                .build();
    }

    public static Network network(NetworkEntity network) {
        NetworkBuilder b = new NetworkBuilder().id(network.id).href(Hrefs.of("networks", network.id))
                .name(network.name).mtu(network.mtu)
                .dataCenter(new DataCenterBuilder().id(network.dataCenterId)
                        .href(Hrefs.of("datacenters", network.dataCenterId)));
        if (network.vlan != null) {
            b.vlan(new org.ovirt.engine.sdk4.builders.VlanBuilder().id(network.vlan));
        }
        if (network.description != null) {
            b.description(network.description);
        }
        return b.build();
    }

    public static VnicProfile vnicProfile(VnicProfileEntity profile) {
        return new VnicProfileBuilder().id(profile.id).href(Hrefs.of("vnicprofiles", profile.id)).name(profile.name)
                .network(new NetworkBuilder().id(profile.networkId).href(Hrefs.of("networks", profile.networkId)))
                .build();
    }

    public static Domain domain(DomainEntity domain) {
        return new DomainBuilder().id(domain.id).href(Hrefs.of("domains", domain.id)).name(domain.name).build();
    }

    public static User user(UserEntity user) {
        UserBuilder b = new UserBuilder().id(user.id).href(Hrefs.of("users", user.id)).userName(user.userName)
                .principal(user.principal).namespace(user.namespace)
                .domain(new DomainBuilder().id(user.domainId).href(Hrefs.of("domains", user.domainId)));
        if (user.firstName != null) {
            b.name(user.firstName);
        }
        if (user.lastName != null) {
            b.lastName(user.lastName);
        }
        if (user.email != null) {
            b.email(user.email);
        }
        return b.build();
    }

    public static Group group(GroupEntity group) {
        return new GroupBuilder().id(group.id).href(Hrefs.of("groups", group.id)).name(group.name)
                .namespace(group.namespace)
                .domain(new DomainBuilder().id(group.domainId).href(Hrefs.of("domains", group.domainId)))
                .build();
    }

    public static Role role(RoleEntity role) {
        RoleBuilder b = new RoleBuilder().id(role.id).href(Hrefs.of("roles", role.id)).name(role.name)
                .administrative(role.administrative).mutable(role.mutable);
        if (role.description != null) {
            b.description(role.description);
        }
        return b.build();
    }

    public static Permission permission(PermissionEntity p) {
        PermissionBuilder b = new PermissionBuilder().id(p.id).href(Hrefs.of("permissions", p.id))
                .role(new RoleBuilder().id(p.roleId).href(Hrefs.of("roles", p.roleId)));
        if (p.userId != null) {
            b.user(new UserBuilder().id(p.userId).href(Hrefs.of("users", p.userId)));
        }
        if (p.groupId != null) {
            b.group(new GroupBuilder().id(p.groupId).href(Hrefs.of("groups", p.groupId)));
        }
        switch (p.objectType) {
            case "vm" -> b.vm(new VmBuilder().id(p.objectId).href(Hrefs.of("vms", p.objectId)));
            case "vm_pool" -> b.vmPool(new VmPoolBuilder().id(p.objectId).href(Hrefs.of("vmpools", p.objectId)));
            case "template" -> b.template(new TemplateBuilder().id(p.objectId).href(Hrefs.of("templates", p.objectId)));
            case "cluster" -> b.cluster(new ClusterBuilder().id(p.objectId).href(Hrefs.of("clusters", p.objectId)));
            case "data_center" -> b.dataCenter(new DataCenterBuilder().id(p.objectId)
                    .href(Hrefs.of("datacenters", p.objectId)));
            case "storage_domain" -> b.storageDomain(new StorageDomainBuilder().id(p.objectId)
                    .href(Hrefs.of("storagedomains", p.objectId)));
            default -> { }
        }
        return b.build();
    }

    public static Job job(JobEntity job) {
        JobBuilder b = new JobBuilder().id(job.id).href(Hrefs.of("jobs", job.id)).description(job.description)
                .status(JobStatus.fromValue(job.status)).autoCleared(job.autoCleared).external(job.external)
                .startTime(Dates.of(job.startTime)).lastUpdated(Dates.of(job.lastUpdated));
        if (job.endTime != null) {
            b.endTime(Dates.of(job.endTime));
        }
        return b.build();
    }

    public static Step step(JobEntity job, JobEntity.StepEntity step) {
        StepBuilder b = new StepBuilder().id(step.id).href(Hrefs.of("jobs", job.id, "steps", step.id))
                .description(step.description).type(StepEnum.fromValue(step.type)).number(step.number)
                .status(StepStatus.fromValue(step.status)).startTime(Dates.of(step.startTime))
                .job(new JobBuilder().id(job.id).href(Hrefs.of("jobs", job.id)));
        if (step.endTime != null) {
            b.endTime(Dates.of(step.endTime));
        }
        return b.build();
    }

    public static Event event(EventEntity event) {
        String id = Long.toString(event.index);
        EventBuilder b = new EventBuilder().id(id).href(Hrefs.of("events", id)).code(event.code)
                .description(event.description).severity(LogSeverity.fromValue(event.severity))
                .time(Dates.of(event.time)).index(event.index).origin(event.origin).customId(event.customId).floodRate(30);
        if (event.correlationId != null) {
            b.correlationId(event.correlationId);
        }
        if (event.vmId != null) {
            b.vm(new VmBuilder().id(event.vmId).href(Hrefs.of("vms", event.vmId)));
        }
        if (event.templateId != null) {
            b.template(new TemplateBuilder().id(event.templateId).href(Hrefs.of("templates", event.templateId)));
        }
        if (event.storageDomainId != null) {
            b.storageDomain(new StorageDomainBuilder().id(event.storageDomainId)
                    .href(Hrefs.of("storagedomains", event.storageDomainId)));
        }
        if (event.dataCenterId != null) {
            b.dataCenter(new DataCenterBuilder().id(event.dataCenterId)
                    .href(Hrefs.of("datacenters", event.dataCenterId)));
        }
        if (event.clusterId != null) {
            b.cluster(new ClusterBuilder().id(event.clusterId).href(Hrefs.of("clusters", event.clusterId)));
        }
        if (event.hostId != null) {
            b.host(new HostBuilder().id(event.hostId).href(Hrefs.of("hosts", event.hostId)));
        }
        if (event.userId != null) {
            b.user(new UserBuilder().id(event.userId).href(Hrefs.of("users", event.userId)));
        }
        return b.build();
    }
}
