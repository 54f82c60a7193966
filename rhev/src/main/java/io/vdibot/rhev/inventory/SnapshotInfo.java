package io.vdibot.rhev.inventory;

import java.time.Instant;

/**
 * A snapshot of a VM as the engine lists it.
 *
 * @param type          {@code regular}, {@code active} (the VM as it is now, "Active VM"), {@code stateless} or
 *                      {@code preview}
 * @param status        {@code ok}, {@code locked} (being taken, restored or removed) or {@code in_preview}
 * @param date          when it was taken, null when the engine does not say
 * @param persistMemory the memory of the running VM was saved with it
 */
public record SnapshotInfo(String id, String description, String type, String status, Instant date,
                           boolean persistMemory) {

    /** The VM's current state, which every VM has and which is nothing to go back to. */
    public boolean isActive() {
        return "active".equals(type);
    }

    public boolean isRegular() {
        return "regular".equals(type);
    }

    public boolean isOk() {
        return "ok".equals(status);
    }
}
