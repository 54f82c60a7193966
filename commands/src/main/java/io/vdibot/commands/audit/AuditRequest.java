package io.vdibot.commands.audit;

import io.vdibot.commands.spec.VdiRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code audit [user=U] [task=T] [since=WHEN] [page=N]}: who asked the bot for what and what it decided, newest first.
 *
 * @param user   a directory user name, any case; {@code null} for everyone
 * @param taskId a task id such as {@code T1042}; {@code null} for all
 * @param since  from then on; {@code null} for all
 * @param page   1 for the newest events
 */
public record AuditRequest(String user, String taskId, Instant since, Integer page) implements VdiRequest {

    public static final String COMMAND_ID = "audit";

    public AuditRequest {
        Objects.requireNonNull(page, "page");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
