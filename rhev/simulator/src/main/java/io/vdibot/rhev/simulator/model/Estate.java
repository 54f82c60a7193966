package io.vdibot.rhev.simulator.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one engine knows, as plain data: what a state directory keeps and a data file seeds.
 * Maps keep insertion order so listings are stable, like an engine's default ordering by creation.
 */
public class Estate {
    public String siteName;
    public Map<String, DataCenterEntity> dataCenters = new LinkedHashMap<>();
    public Map<String, ClusterEntity> clusters = new LinkedHashMap<>();
    public Map<String, HostEntity> hosts = new LinkedHashMap<>();
    public Map<String, StorageDomainEntity> storageDomains = new LinkedHashMap<>();
    public Map<String, NetworkEntity> networks = new LinkedHashMap<>();
    public Map<String, VnicProfileEntity> vnicProfiles = new LinkedHashMap<>();
    public Map<String, DiskEntity> disks = new LinkedHashMap<>();
    public Map<String, TemplateEntity> templates = new LinkedHashMap<>();
    public Map<String, VmEntity> vms = new LinkedHashMap<>();
    public Map<String, PoolEntity> pools = new LinkedHashMap<>();
    public Map<String, DomainEntity> domains = new LinkedHashMap<>();
    public Map<String, UserEntity> users = new LinkedHashMap<>();
    public Map<String, GroupEntity> groups = new LinkedHashMap<>();
    public Map<String, RoleEntity> roles = new LinkedHashMap<>();
    public Map<String, PermissionEntity> permissions = new LinkedHashMap<>();
    public Map<String, JobEntity> jobs = new LinkedHashMap<>();
    public List<EventEntity> events = new ArrayList<>();
    public List<PendingChange> pending = new ArrayList<>();
    public long nextEventIndex = 1;
    public long nextPendingSequence = 1;
    /** Last MAC suffix and last guest IP handed out, so addresses never repeat within a site. */
    public long macCounter;
    public long ipCounter;
}
