package io.vdibot.rhev.simulator.model;

/** A directory (authz) provider the engine knows. */
public class DomainEntity {
    public String id;
    public String name;
}
