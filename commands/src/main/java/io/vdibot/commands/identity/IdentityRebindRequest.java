package io.vdibot.commands.identity;

import io.vdibot.commands.Platform;
import io.vdibot.commands.spec.VdiRequest;
import java.util.Objects;

/**
 * {@code identity rebind PLATFORM USER-ID}: forgets which directory user a chat account speaks for, so that its next
 * request binds it to the entry its e-mail address points to then.
 */
public record IdentityRebindRequest(Platform platform, String userId) implements VdiRequest {

    public static final String COMMAND_ID = "identity.rebind";

    public IdentityRebindRequest {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
