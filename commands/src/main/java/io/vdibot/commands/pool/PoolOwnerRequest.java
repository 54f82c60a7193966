package io.vdibot.commands.pool;

import io.vdibot.commands.spec.VdiRequest;
import java.util.Objects;

/**
 * {@code pool owner NAME group=G|none [site=S]}: names the directory group whose members may change the pool, or
 * ({@code none}) gives it back to administrators alone.
 *
 * @param group {@code null} for {@code none}
 * @param site  {@code null} for the default site
 */
public record PoolOwnerRequest(String name, String group, String site) implements VdiRequest {

    public static final String COMMAND_ID = "pool.owner";

    /** The word that takes an owner group away. */
    public static final String NO_GROUP = "none";

    public PoolOwnerRequest {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
