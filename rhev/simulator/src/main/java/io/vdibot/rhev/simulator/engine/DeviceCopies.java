package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.NicEntity;

/**
 * The device copies that making a VM or a template out of another VM, template or snapshot shares: each copy is a
 * new device with its own id and the source's settings. What only some copies carry (a VM's MAC, a clone's link
 * state) the caller adds.
 */
final class DeviceCopies {

    private DeviceCopies() {
    }

    /** A new NIC with the source's name, interface and vNIC profile; no MAC. */
    static NicEntity nic(Engine engine, NicEntity source) {
        NicEntity nic = new NicEntity();
        nic.id = engine.newId();
        nic.name = source.name;
        nic.interfaceType = source.interfaceType;
        nic.vnicProfileId = source.vnicProfileId;
        return nic;
    }

    /**
     * A full copy of the source disk's size, format and place in the VM, under its own alias on the given storage
     * domain; stored in the estate and locked while the engine writes it.
     */
    static DiskEntity lockedDisk(Engine engine, DiskEntity source, String alias, String storageDomainId) {
        DiskEntity disk = new DiskEntity();
        disk.id = engine.newId();
        disk.alias = alias;
        disk.provisionedSize = source.provisionedSize;
        disk.actualSize = source.actualSize;
        disk.format = source.format;
        disk.sparse = source.sparse;
        disk.storageDomainId = storageDomainId;
        disk.bootable = source.bootable;
        disk.diskInterface = source.diskInterface;
        disk.status = "locked";
        engine.estate().disks.put(disk.id, disk);
        return disk;
    }
}
