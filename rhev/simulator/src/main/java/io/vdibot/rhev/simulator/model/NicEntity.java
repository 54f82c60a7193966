package io.vdibot.rhev.simulator.model;

public class NicEntity {
    public String id;
    public String name;
    public String mac;
    public String vnicProfileId;
    public String interfaceType = "virtio";
    public boolean linked = true;
    public boolean plugged = true;
}
