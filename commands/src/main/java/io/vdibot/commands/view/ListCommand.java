package io.vdibot.commands.view;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.SITE;

public final class ListCommand extends CommandSpec<ListRequest> {

    public ListCommand() {
        super(ListRequest.COMMAND_ID, "list",
                "list vms|pools|templates|hosts|clusters|storage|networks|users|groups|roles [site=S] [filter]"
                        + " [page=N]",
                "vdi:view:inventory", ListRequest.class,
                List.of(Param.positional("kind"), Param.optionalPositional("filter"), SITE, Param.optional("page")));
    }

    @Override
    protected ParseResult<ListRequest> build(ArgReader in) {
        InventoryKind kind = in.keyword("kind", InventoryKind.class);
        String filter = in.name("filter", NameRule.FILTER);
        String site = in.name("site", NameRule.OBJECT);
        Integer page = in.count("page", 1);
        return in.result(() -> new ListRequest(kind, filter, site, page == null ? 1 : page));
    }
}
