package io.vdibot.commands.spec;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.request.LocksReleaseRequest;

import java.util.List;

public final class LocksReleaseCommand extends CommandSpec<LocksReleaseRequest> {

    public LocksReleaseCommand() {
        super(LocksReleaseRequest.COMMAND_ID, "locks release", "locks release RESOURCE", Permissions.LOCKS_RELEASE,
                LocksReleaseRequest.class, List.of(Param.positional("resource")));
    }

    @Override
    protected ParseResult<LocksReleaseRequest> build(ArgReader in) {
        String resource = in.text("resource");
        return in.result(() -> new LocksReleaseRequest(resource));
    }
}
