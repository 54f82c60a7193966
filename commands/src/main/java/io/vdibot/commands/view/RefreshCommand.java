package io.vdibot.commands.view;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.SITE;

public final class RefreshCommand extends CommandSpec<RefreshRequest> {

    public RefreshCommand() {
        super(RefreshRequest.COMMAND_ID, "refresh", "refresh [site=S]", "vdi:view:inventory",
                RefreshRequest.class, List.of(SITE));
    }

    @Override
    protected ParseResult<RefreshRequest> build(ArgReader in) {
        String site = in.name("site", NameRule.OBJECT);
        return in.result(() -> new RefreshRequest(site));
    }
}
