package io.vdibot.commands.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The families of words an engine answers with (statuses, types), each shown through message keys
 * {@code engine.<family>.<value>} by {@link Messages#term}, never raw: a Chinese reader sees {@code 运行中}, not
 * {@code up}. {@link #values()} lists the values the bundles translate, so a test can check each has its key.
 */
public enum EngineTerm {

    VM_STATUS("vm-status", List.of("up", "down", "powering_up", "powering_down", "paused", "migrating", "unknown",
            "not_responding", "wait_for_launch", "reboot_in_progress", "saving_state", "restoring_state", "suspended",
            "image_locked", "unassigned")),
    HOST_STATUS("host-status", List.of("up", "down", "maintenance", "preparing_for_maintenance", "non_operational",
            "non_responsive", "error", "initializing", "installing", "install_failed", "installing_os", "reboot",
            "connecting", "pending_approval", "kdumping", "unassigned", "unknown")),
    STORAGE_STATUS("storage-status", List.of("active", "inactive", "maintenance", "preparing_for_maintenance",
            "activating", "detaching", "locked", "mixed", "unattached", "unknown")),
    STORAGE_TYPE("storage-type", List.of("data", "export", "iso", "image", "volume", "managed_block_storage")),
    /** Templates, disks and snapshots share these. */
    IMAGE_STATUS("image-status", List.of("ok", "locked", "illegal", "in_preview")),
    POOL_TYPE("pool-type", List.of("automatic", "manual"));

    private final String family;
    private final List<String> known;

    EngineTerm(String family, List<String> known) {
        this.family = family;
        this.known = known;
    }

    /** The values of this family that have a text in the bundles. */
    public List<String> known() {
        return known;
    }

    /** {@code value} as a message argument, said in the reader's language. */
    public Term of(String value) {
        return new Term(this, value);
    }

    /** The message key of {@code value}, whether or not the bundles have it. */
    public String key(String value) {
        return "engine." + family + "." + value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
