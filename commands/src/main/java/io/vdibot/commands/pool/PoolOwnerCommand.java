package io.vdibot.commands.pool;

import static io.vdibot.commands.spec.CommonParams.NAME;
import static io.vdibot.commands.spec.CommonParams.SITE;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.spec.OwnedObjectChange;
import java.util.List;

/** Assigns a pool to a directory group, for administrators: only owners change a pool besides them. */
public final class PoolOwnerCommand extends CommandSpec<PoolOwnerRequest> {

    public PoolOwnerCommand() {
        super(PoolOwnerRequest.COMMAND_ID, "pool owner", "pool owner NAME group=G|none [site=S]",
                OwnedObjectChange.CHANGE_ANY, PoolOwnerRequest.class, List.of(NAME, Param.required("group"), SITE));
    }

    @Override
    protected ParseResult<PoolOwnerRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.POOL);
        String group = in.text("group");
        String site = in.name("site", NameRule.OBJECT);
        return in.result(() -> new PoolOwnerRequest(name,
                PoolOwnerRequest.NO_GROUP.equalsIgnoreCase(group) ? null : group, site));
    }
}
