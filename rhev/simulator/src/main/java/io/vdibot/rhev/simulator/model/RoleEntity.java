package io.vdibot.rhev.simulator.model;

public class RoleEntity {
    public String id;
    public String name;
    public String description;
    public boolean administrative;
    public boolean mutable;
}
