package io.vdibot.commands.locks;

import io.vdibot.commands.spec.VdiRequest;
import java.util.Objects;

/** {@code locks release RESOURCE}: releases a lock left behind, e.g. on the shared export storage. */
public record LocksReleaseRequest(String resource) implements VdiRequest {

    public static final String COMMAND_ID = "locks.release";

    public LocksReleaseRequest {
        Objects.requireNonNull(resource, "resource");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
