package io.vdibot.core.pipeline;

import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.request.VdiRequest;

/**
 * Answers a request that does not become a task (lists, views, approvals, help). Each handler
 * declares the request types it takes; the pipeline has already checked the permission.
 */
public interface QueryHandler {

    boolean handles(VdiRequest request);

    Reply handle(VdiRequest request, RequestScope scope);
}
