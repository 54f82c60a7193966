package io.vdibot.rhev.simulator.engine;

import java.time.Duration;

/**
 * How long operations take on a real engine, multiplied by the time scale. The base figures are
 * typical of RHV 4.4 on shared storage: thin VM creation takes seconds, a guest agent reports its
 * addresses some time after boot, template copies take minutes.
 */
public record EngineTiming(double timeScale, Duration ipReportDelay) {

    public static final Duration DEFAULT_IP_REPORT_DELAY = Duration.ofSeconds(20);

    public EngineTiming {
        if (timeScale < 0 || Double.isNaN(timeScale)) {
            throw new IllegalArgumentException("time scale must be >= 0, got " + timeScale);
        }
        if (ipReportDelay == null || ipReportDelay.isNegative()) {
            throw new IllegalArgumentException("IP report delay must be >= 0");
        }
    }

    public static EngineTiming scaled(double timeScale) {
        return new EngineTiming(timeScale, DEFAULT_IP_REPORT_DELAY);
    }

    public Duration vmDiskCreation() { return scale(Duration.ofSeconds(8)); }
    public Duration vmWaitForLaunch() { return scale(Duration.ofSeconds(3)); }
    public Duration vmPoweringUp() { return scale(Duration.ofSeconds(25)); }
    public Duration vmIpReport() { return scale(ipReportDelay); }
    /** A guest shutting itself down (shutdown, ACPI or guest agent). */
    public Duration vmPoweringDown() { return scale(Duration.ofSeconds(5)); }
    /** A power-off: the host destroys the VM, the engine sees it down on its next look. */
    public Duration vmPowerOff() { return scale(Duration.ofSeconds(1)); }
    /** A guest rebooting, from the reboot request until it is up again. */
    public Duration vmRebooting() { return scale(Duration.ofSeconds(15)); }
    /** Hibernation: the guest's memory written to a volume on shared storage. */
    public Duration vmSavingState() { return scale(Duration.ofSeconds(10)); }
    /** Running a suspended VM: its memory read back. */
    public Duration vmRestoringState() { return scale(Duration.ofSeconds(8)); }
    /** A new disk's volume allocated on the data domain. */
    public Duration diskCreation() { return scale(Duration.ofSeconds(6)); }
    public Duration vmRemoval() { return scale(Duration.ofSeconds(4)); }
    /** Taking a snapshot: new volumes on shared storage, and saving the guest's memory when asked. */
    public Duration snapshotCreation(boolean withMemory) {
        return scale(Duration.ofSeconds(withMemory ? 25 : 10));
    }
    /** Restoring a snapshot: the commit after the preview, dropping the volumes of the discarded state. */
    public Duration snapshotRestore() { return scale(Duration.ofSeconds(12)); }
    /** Removing a snapshot: merging its volume into its neighbour. */
    public Duration snapshotRemoval() { return scale(Duration.ofSeconds(20)); }
    /** A VM cloned from a snapshot: collapsed full copies of the snapshot's images. */
    public Duration vmCloneFromSnapshot() { return scale(Duration.ofSeconds(30)); }
    public Duration templateCreation() { return scale(Duration.ofSeconds(90)); }
    public Duration templateExport() { return scale(Duration.ofSeconds(120)); }
    public Duration templateImport() { return scale(Duration.ofSeconds(120)); }
    public Duration storageDeactivation() { return scale(Duration.ofSeconds(15)); }
    public Duration storageDetach() { return scale(Duration.ofSeconds(10)); }
    public Duration storageAttach() { return scale(Duration.ofSeconds(20)); }
    public Duration storageImport() { return scale(Duration.ofSeconds(10)); }
    public Duration poolMonitorInterval() { return scale(Duration.ofMinutes(5)); }

    public Duration scale(Duration base) {
        return Duration.ofNanos(Math.round(base.toNanos() * timeScale));
    }
}
