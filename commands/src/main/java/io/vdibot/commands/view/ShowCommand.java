package io.vdibot.commands.view;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.NAME;
import static io.vdibot.commands.spec.CommonParams.SITE;

public final class ShowCommand extends CommandSpec<ShowRequest> {

    public ShowCommand() {
        super(ShowRequest.COMMAND_ID, "show", "show vm|pool|template NAME [site=S]", "vdi:view:inventory",
                ShowRequest.class, List.of(Param.positional("kind"), NAME, SITE));
    }

    @Override
    protected ParseResult<ShowRequest> build(ArgReader in) {
        ShowKind kind = in.keyword("kind", ShowKind.class);
        NameRule rule = kind == ShowKind.POOL ? NameRule.POOL
                : kind == ShowKind.TEMPLATE ? NameRule.TEMPLATE : NameRule.OBJECT;
        String name = in.name("name", rule);
        String site = in.name("site", NameRule.OBJECT);
        return in.result(() -> new ShowRequest(kind, name, site));
    }
}
