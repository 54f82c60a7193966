package io.vdibot.commands.view;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

public final class SitesCommand extends CommandSpec<SitesRequest> {

    public SitesCommand() {
        super(SitesRequest.COMMAND_ID, "sites", "sites", "vdi:view:inventory", SitesRequest.class, List.of());
    }

    @Override
    protected ParseResult<SitesRequest> build(ArgReader in) {
        return in.result(SitesRequest::new);
    }
}
