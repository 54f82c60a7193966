package io.vdibot.rhev.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * A regular snapshot of a VM: its disks (and, when taken from a running VM, its memory) at one moment, with
 * the VM's configuration of that moment, which a restore puts back. The VM's "Active VM" snapshot is not
 * stored here (see {@link VmEntity#activeSnapshotId}).
 */
public class SnapshotEntity {
    public String id;
    public String description;
    /** locked while being taken, restored or removed; ok otherwise. */
    public String status = "locked";
    public Instant date;
    /** Whether the memory of the running VM was saved with it ({@code persist_memorystate}). */
    public boolean persistMemory;
    /** The VM's configuration when the snapshot was taken. */
    public String vmDescription;
    public long memoryBytes;
    public int sockets;
    public int cores;
    /** The VM's disks when the snapshot was taken; null for snapshots saved before this was kept (then: the VM's). */
    public List<String> diskIds;

    public boolean isLocked() {
        return "locked".equals(status);
    }

    /** Lays the VM's configuration of this snapshot over the VM, as a restore does and a clone starts from. */
    public void applyTo(VmEntity vm) {
        vm.description = vmDescription;
        vm.memoryBytes = memoryBytes;
        vm.sockets = sockets;
        vm.cores = cores;
    }
}
