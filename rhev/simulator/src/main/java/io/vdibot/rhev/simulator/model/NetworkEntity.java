package io.vdibot.rhev.simulator.model;

public class NetworkEntity {
    public String id;
    public String name;
    public String description;
    public String dataCenterId;
    public Integer vlan;
    public int mtu = 1500;
}
