package io.vdibot.commands.spec;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.request.SitesRequest;

import java.util.List;

public final class SitesCommand extends CommandSpec<SitesRequest> {

    public SitesCommand() {
        super(SitesRequest.COMMAND_ID, "sites", "sites", Permissions.VIEW_INVENTORY, SitesRequest.class, List.of());
    }

    @Override
    protected ParseResult<SitesRequest> build(ArgReader in) {
        return in.result(SitesRequest::new);
    }
}
