package io.vdibot.commands.handler;

import java.util.Objects;

/**
 * Thrown by a task that cannot go on because another task holds a lease it needs (a shared export domain). It is
 * not a failure: the task waits, and runs again from its journal when the lease is free.
 */
public final class ResourceBusy extends RuntimeException {

    private final String resourceKey;
    private final String holder;
    private final String what;

    /**
     * @param resourceKey the lease key the task waits for
     * @param holder      the task code holding it, or {@code null} when unknown
     * @param what        the resource in the reader's words, e.g. "export domain nfs-export"
     */
    public ResourceBusy(String resourceKey, String holder, String what) {
        super(what + (holder == null ? "" : " (" + holder + ")"), null, false, false);
        this.resourceKey = Objects.requireNonNull(resourceKey, "resourceKey");
        this.holder = holder;
        this.what = Objects.requireNonNull(what, "what");
    }

    public String resourceKey() {
        return resourceKey;
    }

    /** The task holding the lease, or {@code null}. */
    public String holder() {
        return holder;
    }

    public String what() {
        return what;
    }
}
