package io.vdibot.commands.view;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.SITE;

public final class DashboardCommand extends CommandSpec<DashboardRequest> {

    public DashboardCommand() {
        super(DashboardRequest.COMMAND_ID, "dashboard", "dashboard [site=S]", "vdi:view:inventory",
                DashboardRequest.class, List.of(SITE));
    }

    @Override
    protected ParseResult<DashboardRequest> build(ArgReader in) {
        String site = in.name("site", NameRule.OBJECT);
        return in.result(() -> new DashboardRequest(site));
    }
}
