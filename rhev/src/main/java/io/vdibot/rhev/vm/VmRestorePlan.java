package io.vdibot.rhev.vm;

import java.util.Set;

/**
 * What the preflight of a restore settled: the VM, the snapshot (by id, however the requester named it) and the
 * VM's status then, which says whether it is to run again afterwards. Journaled, so that a resumed task restores
 * the same snapshot and still knows the VM ran before its own power-off.
 */
record VmRestorePlan(String vmId, String snapshotId, String statusBefore) {

    /** Statuses of a VM that is not running: nothing to start again after the restore. */
    private static final Set<String> NOT_RUNNING = Set.of("down", "powering_down", "image_locked", "suspended");

    String journal() {
        return vmId + " " + snapshotId + " " + statusBefore;
    }

    static VmRestorePlan of(String journal) {
        String[] parts = journal.split(" ", 3);
        return new VmRestorePlan(parts[0], parts[1], parts[2]);
    }

    boolean wasRunning() {
        return !NOT_RUNNING.contains(statusBefore);
    }
}
