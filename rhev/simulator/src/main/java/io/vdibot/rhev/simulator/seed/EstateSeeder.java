package io.vdibot.rhev.simulator.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vdibot.rhev.simulator.engine.AddressPlan;
import io.vdibot.rhev.simulator.engine.PoolNaming;
import io.vdibot.rhev.simulator.engine.SharedStorage;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.DomainEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.GroupEntity;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.NetworkEntity;
import io.vdibot.rhev.simulator.model.NicEntity;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.RoleEntity;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.UserEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.simulator.model.VnicProfileEntity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Builds each site's estate from a data file: directory objects and roles shared by all engines,
 * and per site a data center with clusters, hosts, storage, networks, templates, VMs and pools.
 * Ids are derived from names so that the same file always gives the same ids.
 */
public final class EstateSeeder {

    public static final String DEFAULT_RESOURCE = "/io/vdibot/rhev/simulator/seed/default-estate.json";
    private static final long GIB = 1L << 30;
    private static final String BLANK_ID = TemplateEntity.BLANK_ID;

    private final EstateDescription description;
    private final Instant now;

    public EstateSeeder(EstateDescription description, Instant now) {
        if (description.sites() == null || description.sites().isEmpty()) {
            throw new IllegalArgumentException("the estate description names no site");
        }
        this.description = description;
        this.now = now;
    }

    public static EstateDescription load(Path file) {
        try (InputStream in = file == null ? EstateSeeder.class.getResourceAsStream(DEFAULT_RESOURCE)
                : Files.newInputStream(file)) {
            if (in == null) {
                throw new IllegalStateException("default estate resource missing");
            }
            return new ObjectMapper()
                    .readValue(in, EstateDescription.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read estate description " + (file == null ? "" : file), e);
        }
    }

    /**
     * The estate of the {@code index}-th site. Sites beyond those described reuse a description with
     * the site name worked into every name, so that any number of sites can start.
     */
    public Estate seed(int index, String siteName, SharedStorage sharedStorage) {
        List<EstateDescription.Site> sites = description.sites();
        EstateDescription.Site site = sites.get(index % sites.size());
        String prefix = index < sites.size() ? "" : siteName + "-";
        Estate estate = new Estate();
        estate.siteName = siteName;
        SiteBuilder builder = new SiteBuilder(estate, siteName, prefix);
        builder.directory();
        builder.site(site, index < sites.size() ? site.dataCenter() : siteName.toUpperCase(Locale.ROOT) + "-DC");
        if (site.exportDomainAttached() && index < sites.size() && description.exportDomain() != null) {
            builder.exportDomain(sharedStorage);
        }
        return estate;
    }

    /** Adds {@code vmCount} VMs, about a third of them in pools of 50, spread over clusters and templates. */
    public void scale(Estate estate, int vmCount) {
        new SiteBuilder(estate, estate.siteName, "").scale(vmCount);
    }

    static String id(String site, String kind, String name) {
        return UUID.nameUUIDFromBytes((site + "/" + kind + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Builds one estate; holds the lookups by name the description refers to. */
    private final class SiteBuilder {
        private final Estate estate;
        private final String site;
        private final String prefix;
        private DataCenterEntity dataCenter;
        private String desktopProfileId;

        SiteBuilder(Estate estate, String site, String prefix) {
            this.estate = estate;
            this.site = site;
            this.prefix = prefix;
            this.dataCenter = estate.dataCenters.values().stream().findFirst().orElse(null);
            this.desktopProfileId = estate.vnicProfiles.values().stream()
                    .filter(p -> p.name.equals("vdi-desktops")).map(p -> p.id).findFirst()
                    .orElse(estate.vnicProfiles.keySet().stream().findFirst().orElse(null));
        }

        void directory() {
            for (EstateDescription.Role r : description.roles()) {
                RoleEntity role = new RoleEntity();
                role.id = r.id();
                role.name = r.name();
                role.administrative = r.administrative();
                role.description = r.description();
                estate.roles.put(role.id, role);
            }
            for (String name : description.domains()) {
                DomainEntity domain = new DomainEntity();
                domain.id = id(site, "domain", name);
                domain.name = name;
                estate.domains.put(domain.id, domain);
            }
            for (EstateDescription.Group g : description.groups()) {
                GroupEntity group = new GroupEntity();
                group.id = g.id() != null ? g.id() : id(site, "group", g.name());
                group.name = g.name();
                group.domainId = id(site, "domain", g.domain());
                group.namespace = "*";
                estate.groups.put(group.id, group);
            }
            for (EstateDescription.User u : description.users()) {
                UserEntity user = new UserEntity();
                user.id = u.id() != null ? u.id() : id(site, "user", u.name());
                user.userName = u.name() + "@" + u.domain();
                user.principal = u.name();
                user.firstName = u.first();
                user.lastName = u.last();
                user.email = u.email();
                user.domainId = id(site, "domain", u.domain());
                user.namespace = "*";
                if (u.groups() != null) {
                    u.groups().forEach(g -> user.groupIds.add(groupId(g)));
                }
                estate.users.put(user.id, user);
            }
        }

        void site(EstateDescription.Site s, String dataCenterName) {
            dataCenter = new DataCenterEntity();
            dataCenter.id = id(site, "datacenter", dataCenterName);
            dataCenter.name = dataCenterName;
            dataCenter.description = "Site " + site;
            estate.dataCenters.put(dataCenter.id, dataCenter);
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
                if (desktopProfileId == null || n.name().equals("vdi-desktops")) {
                    desktopProfileId = profile.id;
                }
            }
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
            blankTemplate();
            for (EstateDescription.Template t : s.templates()) {
                template(t);
            }
            for (EstateDescription.Vm v : s.vms()) {
                VmEntity vm = vm(prefix + v.name(), template(v.template(), v.cluster()), cluster(v.cluster()));
                if (v.running()) {
                    running(vm, 0);
                }
            }
            for (EstateDescription.Pool p : s.pools()) {
                pool(p);
            }
        }

        void exportDomain(SharedStorage sharedStorage) {
            EstateDescription.ExportDomain e = description.exportDomain();
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

        private void blankTemplate() {
            TemplateEntity blank = new TemplateEntity();
            blank.id = BLANK_ID;
            blank.name = "Blank";
            blank.description = "Blank template";
            blank.creationTime = Instant.parse("2008-04-01T00:00:00Z");
            estate.templates.put(blank.id, blank);
        }

        private TemplateEntity template(EstateDescription.Template t) {
            ClusterEntity cluster = cluster(t.cluster());
            TemplateEntity base = estate.templates.values().stream().filter(x -> x.name.equals(t.name()))
                    .min(Comparator.comparingInt(x -> x.versionNumber)).orElse(null);
            TemplateEntity template = new TemplateEntity();
            template.name = t.name();
            template.versionNumber = base == null ? 1 : (int) estate.templates.values().stream()
                    .filter(x -> x.name.equals(t.name())).count() + 1;
            template.versionName = t.versionName() != null ? t.versionName() : "base version";
            template.baseTemplateId = base == null ? null : base.id;
            template.id = id(site, "template", t.name() + "/" + template.versionNumber);
            template.clusterId = cluster.id;
            template.osType = t.os();
            template.vmType = t.type() == null ? "desktop" : t.type();
            template.memoryBytes = t.memoryGiB() * GIB;
            template.cores = t.cores();
            template.description = t.os().startsWith("windows") ? "Windows desktop image" : "Linux image";
            template.creationTime = now.minus(Duration.ofDays(90 - template.versionNumber * 30L));
            DiskEntity disk = new DiskEntity();
            disk.id = id(site, "disk", template.id);
            disk.alias = t.name() + "_Disk1";
            disk.provisionedSize = t.diskGiB() * GIB;
            disk.actualSize = t.diskGiB() * GIB / 3;
            disk.storageDomainId = storage(t.storage()).id;
            estate.disks.put(disk.id, disk);
            template.diskIds.add(disk.id);
            NicEntity nic = new NicEntity();
            nic.id = id(site, "nic", template.id);
            nic.name = "nic1";
            nic.vnicProfileId = desktopProfileId;
            template.nics.add(nic);
            estate.templates.put(template.id, template);
            return template;
        }

        private VmEntity vm(String name, TemplateEntity template, ClusterEntity cluster) {
            VmEntity vm = new VmEntity();
            vm.id = id(site, "vm", name);
            vm.name = name;
            vm.clusterId = cluster.id;
            vm.templateId = template.id;
            vm.osType = template.osType;
            vm.vmType = template.vmType;
            vm.memoryBytes = template.memoryBytes;
            vm.cores = template.cores;
            vm.creationTime = now.minus(Duration.ofDays(7));
            vm.status = "down";
            vm.initialized = true;
            NicEntity nic = new NicEntity();
            nic.id = id(site, "nic", vm.id);
            nic.name = "nic1";
            nic.vnicProfileId = desktopProfileId;
            nic.mac = AddressPlan.mac(site, ++estate.macCounter);
            vm.nics.add(nic);
            for (String templateDisk : template.diskIds) {
                DiskEntity source = estate.disks.get(templateDisk);
                DiskEntity disk = new DiskEntity();
                disk.id = id(site, "disk", vm.id + "/" + templateDisk);
                disk.alias = name + "_Disk1";
                disk.provisionedSize = source.provisionedSize;
                disk.actualSize = source.provisionedSize / 10;
                disk.storageDomainId = source.storageDomainId;
                estate.disks.put(disk.id, disk);
                vm.diskIds.add(disk.id);
            }
            estate.vms.put(vm.id, vm);
            return vm;
        }

        private void running(VmEntity vm, int spread) {
            List<HostEntity> hosts = estate.hosts.values().stream()
                    .filter(h -> h.clusterId.equals(vm.clusterId) && "up".equals(h.status)).toList();
            if (hosts.isEmpty()) {
                return;
            }
            HostEntity host = hosts.get(Math.floorMod(vm.name.hashCode() + spread, hosts.size()));
            vm.status = "up";
            vm.hostId = host.id;
            vm.startTime = now.minus(Duration.ofHours(3));
            vm.reportedIps.add(AddressPlan.guestIp(site, ++estate.ipCounter));
            vm.fqdn = vm.name.toLowerCase(Locale.ROOT) + ".vdi.example";
        }

        private void pool(EstateDescription.Pool p) {
            PoolEntity pool = new PoolEntity();
            pool.name = prefix + p.name();
            pool.id = id(site, "pool", pool.name);
            ClusterEntity cluster = cluster(p.cluster());
            TemplateEntity template = template(p.template(), p.cluster());
            pool.clusterId = cluster.id;
            pool.templateId = template.id;
            pool.description = p.description();
            pool.type = p.type() == null ? "automatic" : p.type();
            pool.maxUserVms = p.maxUserVms() == null ? 1 : p.maxUserVms();
            pool.prestartedVms = 0;
            estate.pools.put(pool.id, pool);
            int number = 0;
            for (int i = 0; i < p.size(); i++) {
                number = PoolNaming.nextFreeNumber(pool.name, number + 1,
                        name -> estate.vms.values().stream().anyMatch(v -> v.name.equals(name)));
                VmEntity vm = vm(PoolNaming.nameFor(pool.name, number), template, cluster);
                vm.poolId = pool.id;
                vm.stateless = "automatic".equals(pool.type);
                if (i < p.running()) {
                    running(vm, i);
                }
            }
            if (p.group() != null) {
                PermissionEntity permission = new PermissionEntity();
                permission.id = id(site, "permission", pool.id + "/" + p.group());
                permission.groupId = groupId(p.group());
                permission.roleId = estate.roles.values().stream().filter(r -> r.name.equals(p.role()))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown role " + p.role())).id;
                permission.objectType = "vm_pool";
                permission.objectId = pool.id;
                estate.permissions.put(permission.id, permission);
            }
        }

        void scale(int vmCount) {
            Random random = new Random(42);
            List<ClusterEntity> clusters = new ArrayList<>(estate.clusters.values());
            List<TemplateEntity> templates = new ArrayList<>(estate.templates.values().stream()
                    .filter(t -> !t.isBlank()).toList());
            int extraTemplates = Math.max(5, vmCount / 200);
            for (int i = 1; i <= extraTemplates; i++) {
                TemplateEntity model = templates.get(i % templates.size());
                ClusterEntity cluster = estate.clusters.get(model.clusterId);
                String storageName = estate.storageDomains.values().stream().filter(d -> !d.isExport())
                        .findFirst().orElseThrow().name;
                templates.add(template(new EstateDescription.Template(String.format("%s-img-%04d", site, i),
                        cluster.name, model.osType, model.memoryBytes / GIB, model.cores, 40, storageName,
                        model.vmType, null)));
            }
            int pooled = vmCount / 3;
            PoolEntity pool = null;
            for (int i = 1; i <= vmCount; i++) {
                TemplateEntity template = templates.get(random.nextInt(templates.size()));
                ClusterEntity cluster = estate.clusters.get(template.clusterId);
                if (cluster == null) {
                    cluster = clusters.get(random.nextInt(clusters.size()));
                }
                boolean inPool = i <= pooled;
                if (inPool && (i - 1) % 50 == 0) {
                    pool = new PoolEntity();
                    pool.name = String.format("%s-pool-%03d", site, (i - 1) / 50 + 1);
                    pool.id = id(site, "pool", pool.name);
                    pool.clusterId = cluster.id;
                    pool.templateId = template.id;
                    pool.description = "Generated pool";
                    estate.pools.put(pool.id, pool);
                }
                PoolEntity owner = inPool ? pool : null;
                String name = inPool ? PoolNaming.nameFor(owner.name, (i - 1) % 50 + 1)
                        : String.format("%s-vm-%05d", site, i);
                VmEntity vm = vm(name, inPool ? estate.templates.get(owner.templateId) : template,
                        inPool ? estate.clusters.get(owner.clusterId) : cluster);
                if (owner != null) {
                    vm.poolId = owner.id;
                    vm.stateless = true;
                }
                if (random.nextInt(10) < 7) {
                    running(vm, i);
                }
            }
        }

        private ClusterEntity cluster(String name) {
            return estate.clusters.values().stream().filter(c -> c.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("site " + site + ": unknown cluster " + name));
        }

        private TemplateEntity template(String name, String clusterName) {
            String dc = cluster(clusterName).dataCenterId;
            return estate.templates.values().stream()
                    .filter(t -> t.name.equals(name) && dc.equals(estate.clusters.get(t.clusterId).dataCenterId))
                    .max(Comparator.comparingInt(t -> t.versionNumber))
                    .orElseThrow(() -> new IllegalArgumentException("site " + site + ": unknown template " + name));
        }

        private StorageDomainEntity storage(String name) {
            return estate.storageDomains.values().stream().filter(d -> d.name.equals(prefix + name)
                    || d.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("site " + site + ": unknown storage " + name));
        }

        private String groupId(String name) {
            return estate.groups.values().stream().filter(g -> g.name.equals(name)).map(g -> g.id).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown group " + name));
        }
    }
}
