package io.vdibot.rhev.simulator.model;

public class PoolEntity {
    public String id;
    public String name;
    public String description;
    public String comment;
    public String clusterId;
    public String templateId;
    /** automatic or manual. */
    public String type = "automatic";
    public boolean stateful;
    public int prestartedVms;
    public int maxUserVms = 1;
    public boolean useLatestTemplateVersion;
    /** VMs the engine still has to add after a create or update; the pool is busy while > 0. */
    public int vmsToAdd;
    /** Whether those VMs are the pool's first ones (a create) rather than an update's. */
    public boolean beingCreated;
    public boolean beingRemoved;
}
