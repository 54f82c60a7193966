package io.vdibot.core.query;

import io.vdibot.commands.help.HelpRenderer;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.help.HelpRequest;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.core.pipeline.QueryHandler;
import io.vdibot.core.pipeline.RequestScope;

/** {@code /vdi help [command]}. */
public final class HelpHandler implements QueryHandler {

    private final HelpRenderer renderer;

    public HelpHandler(HelpRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public boolean handles(VdiRequest request) {
        return request instanceof HelpRequest;
    }

    @Override
    public Reply handle(VdiRequest request, RequestScope scope) {
        return renderer.render((HelpRequest) request, scope.messages());
    }
}
