package io.vdibot.rhev.simulator.model;

/**
 * A storage domain as this engine knows it. A domain is attached to at most one data center here;
 * its status only has meaning inside that data center (the top-level view only says "unattached").
 */
public class StorageDomainEntity {
    public String id;
    public String name;
    public String description;
    /** data or export. */
    public String type = "data";
    public String storageType = "nfs";
    public String address;
    public String path;
    public long availableBytes;
    public long usedBytes;
    public boolean master;
    /** The data center it is attached to, or null when unattached. */
    public String dataCenterId;
    /** Status inside {@link #dataCenterId}: active, locked, preparing_for_maintenance, maintenance, ... */
    public String status;

    public boolean isExport() {
        return "export".equals(type);
    }

    public String nfsLocation() {
        return address + ":" + path;
    }
}
