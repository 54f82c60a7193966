package io.vdibot.commands.locks;

import io.vdibot.commands.spec.VdiRequest;

/** {@code locks}: the resource locks the bot holds and who holds them. */
public record LocksRequest() implements VdiRequest {

    public static final String COMMAND_ID = "locks";

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
