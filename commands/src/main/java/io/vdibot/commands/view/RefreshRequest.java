package io.vdibot.commands.view;

import io.vdibot.commands.spec.VdiRequest;

/** {@code refresh [site=S]}: drops the cached inventory of one site, or of all sites when {@code site} is {@code null}. */
public record RefreshRequest(String site) implements VdiRequest {

    public static final String COMMAND_ID = "refresh";

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
