package io.vdibot.rhev.simulator.seed;

import static io.vdibot.rhev.simulator.seed.EstateSeeder.GIB;
import static io.vdibot.rhev.simulator.seed.EstateSeeder.id;

import io.vdibot.rhev.simulator.engine.AddressPlan;
import io.vdibot.rhev.simulator.engine.HostMemory;
import io.vdibot.rhev.simulator.engine.PoolNaming;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.NicEntity;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Seeds a site's desktops on its infrastructure: templates, VMs and pools from the description, or
 * generated ones for a scaled estate. Holds the lookups by name the description refers to.
 */
final class DesktopSeeder {

    private final Estate estate;
    private final String site;
    private final String prefix;
    private final Instant now;
    private final String desktopProfileId;
    /** Memory committed to the VMs seeded running, by host id. */
    private final Map<String, Long> committed = new HashMap<>();

    /** The desktops' NICs go on the {@code vdi-desktops} profile, or the first one when there is none. */
    DesktopSeeder(Estate estate, String site, String prefix, Instant now) {
        this.estate = estate;
        this.site = site;
        this.prefix = prefix;
        this.now = now;
        this.desktopProfileId = estate.vnicProfiles.values().stream()
                .filter(p -> p.name.equals("vdi-desktops")).map(p -> p.id).findFirst()
                .orElse(estate.vnicProfiles.keySet().stream().findFirst().orElse(null));
    }

    void seed(EstateDescription.Site s) {
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

    private void blankTemplate() {
        TemplateEntity blank = new TemplateEntity();
        blank.id = TemplateEntity.BLANK_ID;
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

    /**
     * Runs the VM on a host of its cluster picked by its name, or the next one with memory enough for it, as the
     * engine's scheduler would have; a VM no host has room for stays down, so a scaled estate stays one a real
     * engine could be running.
     */
    private void running(VmEntity vm, int spread) {
        List<HostEntity> hosts = estate.hosts.values().stream()
                .filter(h -> h.clusterId.equals(vm.clusterId) && "up".equals(h.status)).toList();
        int first = hosts.isEmpty() ? 0 : Math.floorMod(vm.name.hashCode() + spread, hosts.size());
        HostEntity host = null;
        for (int i = 0; i < hosts.size() && host == null; i++) {
            HostEntity candidate = hosts.get((first + i) % hosts.size());
            long free = HostMemory.maxScheduling(estate, candidate, committed.getOrDefault(candidate.id, 0L));
            host = free >= HostMemory.required(vm) ? candidate : null;
        }
        if (host == null) {
            return;
        }
        committed.merge(host.id, HostMemory.required(vm), Long::sum);
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
            permission.groupId = DirectorySeeder.groupId(estate, p.group());
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
}
