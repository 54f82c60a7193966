package io.vdibot.rhev.simulator.model;

public class ClusterEntity {
    public String id;
    public String name;
    public String description;
    public String dataCenterId;
    public String cpuType = "Intel Skylake Server Family";
    /** The network VMs' first NIC is connected to by default (the management network). */
    public String managementNetworkId;
    /** How far the scheduler may commit a host's memory to VMs, in percent; the engine's default is 100. */
    public int memoryOverCommitPercent = 100;
}
