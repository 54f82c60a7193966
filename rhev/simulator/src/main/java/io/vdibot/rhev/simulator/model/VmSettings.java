package io.vdibot.rhev.simulator.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a VM's configuration an update changes and that a running VM only takes on at its
 * next run: while it runs, the engine keeps the new values as its next-run configuration.
 */
public class VmSettings {
    public long memoryBytes;
    public int sockets;
    public int cores;
    public boolean highAvailability;
    public int haPriority;
    /** The storage domain holding the VM's lease, or null. */
    public String leaseStorageDomainId;
    /** migratable, user_migratable or pinned. */
    public String placementAffinity = "migratable";
    public List<String> placementHostIds = new ArrayList<>();
    public boolean consoleEnabled;
    /** spice or vnc. */
    public String displayType = "spice";
    public int monitors = 1;
}
