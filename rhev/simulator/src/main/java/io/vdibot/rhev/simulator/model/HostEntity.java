package io.vdibot.rhev.simulator.model;

public class HostEntity {
    public String id;
    public String name;
    public String address;
    public String clusterId;
    public String status = "up";
    public long memoryBytes;
    public int cpuCores;
    public boolean spm;
}
