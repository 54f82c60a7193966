package io.vdibot.commands.locks;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

public final class LocksReleaseCommand extends CommandSpec<LocksReleaseRequest> {

    public LocksReleaseCommand() {
        super(LocksReleaseRequest.COMMAND_ID, "locks release", "locks release RESOURCE", "vdi:locks:release",
                LocksReleaseRequest.class, List.of(Param.positional("resource")));
    }

    @Override
    protected ParseResult<LocksReleaseRequest> build(ArgReader in) {
        String resource = in.text("resource");
        return in.result(() -> new LocksReleaseRequest(resource));
    }
}
