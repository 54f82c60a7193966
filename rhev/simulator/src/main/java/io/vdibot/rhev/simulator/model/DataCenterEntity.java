package io.vdibot.rhev.simulator.model;

/** A data center (storage pool in engine terms). */
public class DataCenterEntity {
    public String id;
    public String name;
    public String description;
    public String status = "up";
    public int versionMajor = 4;
    public int versionMinor = 7;
}
