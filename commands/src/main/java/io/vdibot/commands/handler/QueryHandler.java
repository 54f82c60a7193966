package io.vdibot.commands.handler;

import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.spec.VdiRequest;

/**
 * Answers one kind of request that does not become a task (views, lists, approvals, help), typed by its request.
 * The core finds it by {@link #requestType()}, has identified the asker and checked the command's permission.
 */
public interface QueryHandler<R extends VdiRequest> {

    Class<R> requestType();

    Reply handle(R request, Asker asker);
}
