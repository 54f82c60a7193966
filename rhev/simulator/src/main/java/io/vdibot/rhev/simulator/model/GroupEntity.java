package io.vdibot.rhev.simulator.model;

public class GroupEntity {
    public String id;
    public String name;
    public String domainId;
    public String namespace;
}
