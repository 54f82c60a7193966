package io.vdibot.commands.spec;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.request.LocksRequest;

import java.util.List;

public final class LocksCommand extends CommandSpec<LocksRequest> {

    public LocksCommand() {
        super(LocksRequest.COMMAND_ID, "locks", "locks", Permissions.VIEW_LOCKS, LocksRequest.class, List.of());
    }

    @Override
    protected ParseResult<LocksRequest> build(ArgReader in) {
        return in.result(LocksRequest::new);
    }
}
