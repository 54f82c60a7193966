package io.vdibot.rhev.simulator.model;

public class VnicProfileEntity {
    public String id;
    public String name;
    public String networkId;
}
