package io.vdibot.commands.view;

import io.vdibot.commands.spec.VdiRequest;
import java.util.Objects;

/** {@code show vm|pool|template NAME [site=S]}: one object in detail. */
public record ShowRequest(ShowKind kind, String name, String site) implements VdiRequest {

    public static final String COMMAND_ID = "show";

    public ShowRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
