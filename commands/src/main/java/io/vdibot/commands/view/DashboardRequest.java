package io.vdibot.commands.view;

import io.vdibot.commands.spec.VdiRequest;

/** {@code dashboard [site=S]}: a summary of one site, or of all sites when {@code site} is {@code null}. */
public record DashboardRequest(String site) implements VdiRequest {

    public static final String COMMAND_ID = "dashboard";

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
