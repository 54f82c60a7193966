package io.vdibot.commands.identity;

import io.vdibot.commands.spec.VdiRequest;

/**
 * {@code identity list [user=U]}: which chat accounts speak for which directory users.
 *
 * @param user a directory user name, any case; {@code null} for all
 */
public record IdentityListRequest(String user) implements VdiRequest {

    public static final String COMMAND_ID = "identity.list";

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
