package io.vdibot.rhev.pool;

import java.time.Duration;

/**
 * What a pool task learns about the engine as it goes, so that later waits look first when their VMs are due
 * instead of looking often from the start: how long the engine took per VM to add a batch (it adds VMs one after
 * another), and how long a started batch took to be up with addresses (its VMs boot side by side).
 */
final class PoolPacing {

    private Duration createPerVm;
    private Duration ready;

    synchronized Duration expectedCreate(int vms) {
        return createPerVm == null ? null : createPerVm.multipliedBy(vms);
    }

    synchronized void learnCreate(int vms, Duration took) {
        if (vms > 0) {
            createPerVm = took.dividedBy(vms);
        }
    }

    synchronized Duration expectedReady() {
        return ready;
    }

    synchronized void learnReady(Duration took) {
        ready = took;
    }
}
