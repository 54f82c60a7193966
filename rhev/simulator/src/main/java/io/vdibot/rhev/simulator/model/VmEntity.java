package io.vdibot.rhev.simulator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public class VmEntity {
    public String id;
    public String name;
    public String description;
    public String comment;
    public String clusterId;
    public String templateId;
    public String poolId;
    public String hostId;
    public String status = "down";
    public String osType = "other";
    public String vmType = "desktop";
    public long memoryBytes = 2L << 30;
    public int sockets = 1;
    public int cores = 2;
    public boolean stateless;
    public boolean useLatestTemplateVersion;
    /** First-boot script stored on the VM (cloud-init custom script or sysprep answer file). */
    public String customScript;
    /** cloud_init, sysprep or null, as chosen at the last start. */
    public String initializationType;
    public boolean initialized;
    /** Addresses the guest agent reports once it runs; empty until then. */
    public List<String> reportedIps = new ArrayList<>();
    public String fqdn;
    public Instant creationTime;
    public Instant startTime;
    public Instant stopTime;
    public List<NicEntity> nics = new ArrayList<>();
    public List<String> diskIds = new ArrayList<>();
    /** Set when the VM was created from a pool and handed to a user. */
    public String assignedUserId;
    /** Regular snapshots, oldest first. */
    public List<SnapshotEntity> snapshots = new ArrayList<>();
    /**
     * The id of the "Active VM" snapshot once a restore replaced it (the engine makes a new one); until then
     * null, and the id is derived from the VM's, so that it stays the same without being stored.
     */
    public String activeSnapshotId;
    /** When the "Active VM" snapshot was made: null for the VM's creation time, else the last restore. */
    public Instant activeSnapshotDate;

    /** The ISO in the VM's CD-ROM (a file id on an ISO domain), or null when empty. */
    public String cdromFileId;
    /** Whether the VM runs with a run-once configuration (a start that carried its own settings); false once down. */
    public boolean runOnce;

    public boolean highAvailability;
    public int haPriority;
    /** The storage domain holding the VM's lease, or null. */
    public String leaseStorageDomainId;
    /** migratable, user_migratable or pinned. */
    public String placementAffinity = "migratable";
    public List<String> placementHostIds = new ArrayList<>();
    /** Whether the serial console is enabled (shown with All-Content). */
    public boolean consoleEnabled;
    /** spice or vnc. */
    public String displayType = "spice";
    public int monitors = 1;
    /** The configuration a running VM takes on when it next starts, or null when there is none. */
    public VmSettings nextRun;

    /** The settings in effect now, as a next-run configuration starts from them. */
    public VmSettings settings() {
        VmSettings s = new VmSettings();
        s.memoryBytes = memoryBytes;
        s.sockets = sockets;
        s.cores = cores;
        s.highAvailability = highAvailability;
        s.haPriority = haPriority;
        s.leaseStorageDomainId = leaseStorageDomainId;
        s.placementAffinity = placementAffinity;
        s.placementHostIds = new ArrayList<>(placementHostIds);
        s.consoleEnabled = consoleEnabled;
        s.displayType = displayType;
        s.monitors = monitors;
        return s;
    }

    /** Takes on {@code s} as the settings in effect. */
    public void apply(VmSettings s) {
        memoryBytes = s.memoryBytes;
        sockets = s.sockets;
        cores = s.cores;
        highAvailability = s.highAvailability;
        haPriority = s.haPriority;
        leaseStorageDomainId = s.leaseStorageDomainId;
        placementAffinity = s.placementAffinity;
        placementHostIds = new ArrayList<>(s.placementHostIds);
        consoleEnabled = s.consoleEnabled;
        displayType = s.displayType;
        monitors = s.monitors;
    }

    public boolean isUp() {
        return "up".equals(status);
    }

    public boolean isDown() {
        return "down".equals(status);
    }
}
