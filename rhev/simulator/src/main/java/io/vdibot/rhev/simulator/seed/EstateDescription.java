package io.vdibot.rhev.simulator.seed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The data file that seeds the sites (see {@code default-estate.json}); unknown fields are errors. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record EstateDescription(ExportDomain exportDomain, List<Role> roles, List<String> domains, List<Group> groups,
        List<User> users, List<Site> sites) {

    public record ExportDomain(String name, String address, String path) {
    }

    public record Role(String id, String name, boolean administrative, String description) {
    }

    public record Group(String name, String domain, String id) {
    }

    public record User(String name, String domain, String first, String last, String email, List<String> groups,
            String id) {
    }

    public record Site(String name, String dataCenter, boolean exportDomainAttached, List<Network> networks,
            List<Storage> storage, List<Cluster> clusters, List<Template> templates, List<Vm> vms, List<Pool> pools) {
    }

    public record Network(String name, Integer vlan, String description) {
    }

    public record Storage(String name, String type, boolean master, String address, String path, long availableGiB,
            long usedGiB) {
    }

    public record Cluster(String name, int hosts, String hostPrefix, long memoryGiB, int cores, int downHosts) {
    }

    public record Template(String name, String cluster, String os, long memoryGiB, int cores, long diskGiB,
            String storage, String type, String versionName) {
    }

    public record Vm(String name, String template, String cluster, boolean running) {
    }

    public record Pool(String name, String template, String cluster, int size, int running, String group, String role,
            String type, Integer maxUserVms, String description) {
    }
}
