package io.vdibot.rhev.simulator.model;

/** A disk image; VMs and templates refer to their disks by id. */
public class DiskEntity {
    public String id;
    public String alias;
    public long provisionedSize;
    public long actualSize;
    /** cow or raw. */
    public String format = "cow";
    public boolean sparse = true;
    /** ok, locked or illegal. */
    public String status = "ok";
    public String storageDomainId;
    public boolean bootable = true;
    public String diskInterface = "virtio_scsi";
}
