package io.vdibot.commands.handler;

import java.util.Optional;

/**
 * Exclusive leases on shared resources (an export storage domain moved between sites), held in the
 * database shared by every bot process so that two tasks never interleave on one resource. A task
 * that already holds a lease gets it again when it resumes after a crash.
 */
public interface ResourceLeases {

    /** True when the lease is now held by {@code taskCode}; false when another task holds it. */
    boolean tryAcquire(String resourceKey, String taskCode, String note);

    /** Releases the lease if {@code taskCode} holds it. */
    void release(String resourceKey, String taskCode);

    /**
     * The task code holding the lease, if any, so that a task refused a lease can name the one in its way.
     * Implementations that cannot tell answer empty.
     */
    default Optional<String> holder(String resourceKey) {
        return Optional.empty();
    }
}
