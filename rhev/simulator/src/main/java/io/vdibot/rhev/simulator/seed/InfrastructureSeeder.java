package io.vdibot.rhev.simulator.seed;

import static io.vdibot.rhev.simulator.seed.EstateSeeder.GIB;
import static io.vdibot.rhev.simulator.seed.EstateSeeder.id;

import io.vdibot.rhev.simulator.engine.SharedStorage;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.NetworkEntity;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.VnicProfileEntity;

/** Seeds what a site's desktops run on: its data center, networks, storage domains, clusters and hosts. */
final class InfrastructureSeeder {

    private final Estate estate;
    private final String site;
    private final String prefix;
    private DataCenterEntity dataCenter;

    InfrastructureSeeder(Estate estate, String site, String prefix) {
        this.estate = estate;
        this.site = site;
        this.prefix = prefix;
    }

    void seed(EstateDescription.Site s, String dataCenterName) {
        dataCenter(dataCenterName);
        networks(s);
        storage(s);
        clusters(s);
    }

    private void dataCenter(String dataCenterName) {
        dataCenter = new DataCenterEntity();
        dataCenter.id = id(site, "datacenter", dataCenterName);
        dataCenter.name = dataCenterName;
        dataCenter.description = "Site " + site;
        estate.dataCenters.put(dataCenter.id, dataCenter);
    }

    private void networks(EstateDescription.Site s) {
        for (EstateDescription.Network n : s.networks()) {
            NetworkEntity network = new NetworkEntity();
            network.id = id(site, "network", n.name());
            network.name = n.name();
            network.vlan = n.vlan();
            network.description = n.description();
            network.dataCenterId = dataCenter.id;
            estate.networks.put(network.id, network);
            VnicProfileEntity profile = new VnicProfileEntity();
            profile.id = id(site, "vnicprofile", n.name());
            profile.name = n.name();
            profile.networkId = network.id;
            estate.vnicProfiles.put(profile.id, profile);
        }
    }

    private void storage(EstateDescription.Site s) {
        for (EstateDescription.Storage st : s.storage()) {
            StorageDomainEntity domain = new StorageDomainEntity();
            domain.name = prefix + st.name();
            domain.id = id(site, "storagedomain", domain.name);
            domain.type = st.type();
            domain.master = st.master();
            domain.address = st.address();
            domain.path = prefix.isEmpty() ? st.path() : st.path() + "-" + site;
            domain.availableBytes = st.availableGiB() * GIB;
            domain.usedBytes = st.usedGiB() * GIB;
            domain.dataCenterId = dataCenter.id;
            domain.status = "active";
            estate.storageDomains.put(domain.id, domain);
        }
    }

    private void clusters(EstateDescription.Site s) {
        for (EstateDescription.Cluster c : s.clusters()) {
            ClusterEntity cluster = new ClusterEntity();
            cluster.id = id(site, "cluster", c.name());
            cluster.name = c.name();
            cluster.dataCenterId = dataCenter.id;
            cluster.managementNetworkId = id(site, "network", "ovirtmgmt");
            estate.clusters.put(cluster.id, cluster);
            String hostPrefix = prefix + c.hostPrefix();
            for (int i = 1; i <= c.hosts(); i++) {
                HostEntity host = new HostEntity();
                host.name = String.format("%s%02d", hostPrefix, i);
                host.id = id(site, "host", host.name);
                host.address = host.name + ".vdi.example";
                host.clusterId = cluster.id;
                host.memoryBytes = c.memoryGiB() * GIB;
                host.cpuCores = c.cores();
                host.status = i > c.hosts() - c.downHosts() ? "maintenance" : "up";
                host.spm = estate.hosts.isEmpty();
                estate.hosts.put(host.id, host);
            }
        }
    }

    void exportDomain(EstateDescription.ExportDomain e, SharedStorage sharedStorage) {
        StorageDomainEntity domain = new StorageDomainEntity();
        domain.id = id("shared", "storagedomain", e.address() + ":" + e.path());
        domain.name = e.name();
        domain.type = "export";
        domain.address = e.address();
        domain.path = e.path();
        domain.availableBytes = 2048 * GIB;
        domain.usedBytes = 256 * GIB;
        domain.dataCenterId = dataCenter.id;
        domain.status = "active";
        estate.storageDomains.put(domain.id, domain);
        sharedStorage.register(domain, dataCenter.id);
    }
}
