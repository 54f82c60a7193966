package io.vdibot.commands.spec;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.request.RefreshRequest;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.SITE;

public final class RefreshCommand extends CommandSpec<RefreshRequest> {

    public RefreshCommand() {
        super(RefreshRequest.COMMAND_ID, "refresh", "refresh [site=S]", Permissions.VIEW_INVENTORY,
                RefreshRequest.class, List.of(SITE));
    }

    @Override
    protected ParseResult<RefreshRequest> build(ArgReader in) {
        String site = in.name("site", NameRule.OBJECT);
        return in.result(() -> new RefreshRequest(site));
    }
}
