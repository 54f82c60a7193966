package io.vdibot.commands.request;

/**
 * A parsed {@code /vdi} command: what the user asked for, checked for syntax and basic ranges.
 *
 * <p>Every implementation is a record of strings, boxed numbers, booleans, enums, {@link java.time.Instant},
 * lists of strings and nested records of the same kinds, so it round-trips through JSON (tasks are persisted as
 * JSON) without custom serializers. A {@code null} optional component means "not given": the executor applies
 * the engine's or the configuration's default. Records deliberately have no {@code getX()}/{@code isX()} helper
 * methods, which JSON mappers would mistake for extra properties.
 *
 * <p>All request records live in this one package because a sealed hierarchy outside a named module may only
 * permit classes of its own package; family-first names keep them sorted by feature.
 */
public sealed interface VdiRequest
        permits TaskRequest, ShowRequest, ListRequest, TasksRequest, TaskShowRequest, LogsRequest, CancelRequest,
                ApproveRequest, RejectRequest, SitesRequest, DashboardRequest, LocksRequest, LocksReleaseRequest,
                RefreshRequest, HelpRequest {

    /** The command id, e.g. {@code pool.create}; it prefixes the command's message keys. */
    String commandId();
}
