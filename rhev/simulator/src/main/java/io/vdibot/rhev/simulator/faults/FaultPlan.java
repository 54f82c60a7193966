package io.vdibot.rhev.simulator.faults;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The faults one site currently injects. Set from a file at start-up or through the admin endpoint
 * ({@code /simulator/admin/sites/{site}/faults}), which lives outside the API path so that clients
 * under test never see it.
 */
public final class FaultPlan {

    /** The settable part, as JSON. All fields optional; absent means "no such fault". */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Settings {
        /** Extra latency added before answering matching API requests, in milliseconds. */
        public long latencyMs;
        /** Regex on the path below /ovirt-engine/api that latency and errors apply to; null = all. */
        public String pathPattern;
        /** The next N matching API requests fail with 503. */
        public int failNext;
        /** Probability (0..1) that a matching API request fails with 503. */
        public double errorRate;
        /** The next N matching API requests get their connection closed without an answer. */
        public int resetNext;
        /**
         * The whole engine is unreachable: API, SSO and CA download drop every connection without an
         * answer. The admin endpoint keeps working, so the site can be brought back.
         */
        public boolean down;
        /** VMs whose name matches never get an IP from the guest agent. */
        public String noIpVmPattern;
        /** Template exports fail when their job would finish. */
        public boolean failExport;
        /**
         * VMs whose name matches end their disk creation with illegal disks, as when the storage fails
         * under CreateSnapshotFromTemplate: the VM goes down with {@code has_illegal_images} and cannot run.
         */
        public String illegalDisksVmPattern;
        /** VMs whose name matches never finish their disk creation: they stay {@code image_locked}. */
        public String lockedVmPattern;
    }

    /** What to do with one API request. */
    public enum Verdict { PASS, FAIL_5XX, RESET }

    private volatile Settings settings = new Settings();
    private volatile Pattern pathPattern;
    private volatile Pattern noIpPattern;
    private volatile Pattern illegalDisksPattern;
    private volatile Pattern lockedPattern;

    public Settings settings() {
        return settings;
    }

    public synchronized void apply(Settings newSettings) {
        Settings checked = newSettings == null ? new Settings() : newSettings;
        if (checked.errorRate < 0 || checked.errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1");
        }
        if (checked.latencyMs < 0 || checked.failNext < 0 || checked.resetNext < 0) {
            throw new IllegalArgumentException("latencyMs, failNext and resetNext must not be negative");
        }
        pathPattern = checked.pathPattern == null ? null : Pattern.compile(checked.pathPattern);
        noIpPattern = checked.noIpVmPattern == null ? null : Pattern.compile(checked.noIpVmPattern);
        illegalDisksPattern = checked.illegalDisksVmPattern == null ? null
                : Pattern.compile(checked.illegalDisksVmPattern);
        lockedPattern = checked.lockedVmPattern == null ? null : Pattern.compile(checked.lockedVmPattern);
        settings = checked;
    }

    public void clear() {
        apply(new Settings());
    }

    public boolean isDown() {
        return settings.down;
    }

    public boolean exportFails() {
        return settings.failExport;
    }

    public boolean vmNeverGetsIp(String vmName) {
        return matches(noIpPattern, vmName);
    }

    public boolean vmDisksTurnIllegal(String vmName) {
        return matches(illegalDisksPattern, vmName);
    }

    public boolean vmStaysLocked(String vmName) {
        return matches(lockedPattern, vmName);
    }

    private static boolean matches(Pattern pattern, String vmName) {
        return pattern != null && vmName != null && pattern.matcher(vmName).matches();
    }

    public long latencyFor(String apiPath) {
        return matches(apiPath) ? settings.latencyMs : 0;
    }

    /** Decides the fate of one API request, consuming one of the "next N" budgets when it applies. */
    public synchronized Verdict judge(String apiPath) {
        if (!matches(apiPath)) {
            return Verdict.PASS;
        }
        Settings current = settings;
        if (current.resetNext > 0) {
            current.resetNext--;
            return Verdict.RESET;
        }
        if (current.failNext > 0) {
            current.failNext--;
            return Verdict.FAIL_5XX;
        }
        if (current.errorRate > 0 && ThreadLocalRandom.current().nextDouble() < current.errorRate) {
            return Verdict.FAIL_5XX;
        }
        return Verdict.PASS;
    }

    private boolean matches(String apiPath) {
        Pattern pattern = pathPattern;
        return pattern == null || pattern.matcher(apiPath).find();
    }
}
