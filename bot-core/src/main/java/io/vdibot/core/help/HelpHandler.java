package io.vdibot.core.help;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.help.HelpRenderer;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.help.HelpRequest;

/** {@code /vdi help [command]}. */
public final class HelpHandler implements QueryHandler<HelpRequest> {

    private final HelpRenderer renderer;

    public HelpHandler(HelpRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public Class<HelpRequest> requestType() {
        return HelpRequest.class;
    }

    @Override
    public Reply handle(HelpRequest request, Asker scope) {
        return renderer.render(request, scope.messages());
    }
}
