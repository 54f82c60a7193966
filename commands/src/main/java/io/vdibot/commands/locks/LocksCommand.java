package io.vdibot.commands.locks;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

public final class LocksCommand extends CommandSpec<LocksRequest> {

    public LocksCommand() {
        super(LocksRequest.COMMAND_ID, "locks", "locks", "vdi:view:locks", LocksRequest.class, List.of());
    }

    @Override
    protected ParseResult<LocksRequest> build(ArgReader in) {
        return in.result(LocksRequest::new);
    }
}
