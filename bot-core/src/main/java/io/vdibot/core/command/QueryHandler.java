package io.vdibot.core.command;

import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.core.pipeline.RequestScope;

/**
 * Answers one kind of request that does not become a task (lists, views, approvals, help), typed by its request.
 * The pipeline finds it by {@link #requestType()} and has already checked the permission.
 */
public interface QueryHandler<R extends VdiRequest> {

    Class<R> requestType();

    Reply handle(R request, RequestScope scope);
}
