package io.vdibot.commands.view;

import io.vdibot.commands.spec.VdiRequest;

/** {@code sites}: the configured sites and whether their engines answer. */
public record SitesRequest() implements VdiRequest {

    public static final String COMMAND_ID = "sites";

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
