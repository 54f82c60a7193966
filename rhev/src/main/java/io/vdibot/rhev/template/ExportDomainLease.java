package io.vdibot.rhev.template;

import io.vdibot.commands.handler.ResourceLeases;
import java.util.Optional;

/**
 * This task's hold on the export domain. Taken as soon as preflight knows which domain it is, kept for the whole
 * migration (also across a crash: a resumed task takes it again), and given back when the task ends either way.
 */
final class ExportDomainLease {

    private final ResourceLeases leases;
    private final String taskCode;
    private String heldKey;

    ExportDomainLease(ResourceLeases leases, String taskCode) {
        this.leases = leases;
        this.taskCode = taskCode;
    }

    /** True when this task holds the domain now (again, after a restart); false when another task does. */
    boolean acquire(ExportDomain domain, String note) {
        if (!leases.tryAcquire(domain.leaseKey(), taskCode, note)) {
            return false;
        }
        heldKey = domain.leaseKey();
        return true;
    }

    /** The task holding the domain's lease, when it is not this one. */
    Optional<String> otherHolder(ExportDomain domain) {
        return leases.holder(domain.leaseKey()).filter(holder -> !holder.equals(taskCode));
    }

    boolean held() {
        return heldKey != null;
    }

    /** Gives the lease back; returns its key, or empty when this task held none. */
    Optional<String> release() {
        if (heldKey == null) {
            return Optional.empty();
        }
        String key = heldKey;
        leases.release(key, taskCode);
        heldKey = null;
        return Optional.of(key);
    }
}
