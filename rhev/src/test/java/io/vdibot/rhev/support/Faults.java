package io.vdibot.rhev.support;

import io.vdibot.rhev.simulator.faults.FaultPlan;

/** Short ways to build the simulator's fault settings. */
public final class Faults {

    private Faults() {
    }

    public static FaultPlan.Settings failNext(int count) {
        FaultPlan.Settings settings = new FaultPlan.Settings();
        settings.failNext = count;
        return settings;
    }

    public static FaultPlan.Settings resetNext(int count) {
        FaultPlan.Settings settings = new FaultPlan.Settings();
        settings.resetNext = count;
        return settings;
    }

    public static FaultPlan.Settings down() {
        FaultPlan.Settings settings = new FaultPlan.Settings();
        settings.down = true;
        return settings;
    }

    public static FaultPlan.Settings noIpFor(String vmNamePattern) {
        FaultPlan.Settings settings = new FaultPlan.Settings();
        settings.noIpVmPattern = vmNamePattern;
        return settings;
    }
}
