package io.vdibot.commands.spec;

import java.util.Set;

/**
 * A parsed {@code /vdi} command: what the user asked for, checked for syntax and basic ranges.
 *
 * <p>Every implementation is a record of strings, boxed numbers, booleans, enums, {@link java.time.Instant},
 * lists of strings and nested records of the same kinds, so it round-trips through JSON (tasks are persisted as
 * JSON) without custom serializers. A {@code null} optional component means "not given": the executor applies
 * the engine's or the configuration's default. Records deliberately have no {@code getX()}/{@code isX()} helper
 * methods, which JSON mappers would mistake for extra properties.
 *
 * <p>Each request record lives in its command's feature package beside its {@link CommandSpec}; the set of known
 * requests is the set of specs in the {@link CommandRegistry}, not a central list.
 */
public interface VdiRequest {

    /** The command id, e.g. {@code pool.create}; it prefixes the command's message keys. */
    String commandId();

    /**
     * Permissions this request needs besides its command's, for a part of it that is riskier than the command
     * itself (an {@code init=} script runs as root in the guest). None by default.
     */
    default Set<String> additionalPermissions() {
        return Set.of();
    }
}
