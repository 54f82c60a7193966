package io.vdibot.rhev.simulator.model;

/** A role granted to a user or a group on one object (or on the system). */
public class PermissionEntity {
    public String id;
    public String roleId;
    public String userId;
    public String groupId;
    /** vm, vm_pool, template, cluster, data_center, storage_domain or system. */
    public String objectType;
    public String objectId;
}
