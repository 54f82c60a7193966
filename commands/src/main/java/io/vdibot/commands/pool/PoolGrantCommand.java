package io.vdibot.commands.pool;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.AT;
import static io.vdibot.commands.spec.CommonParams.NAME;
import static io.vdibot.commands.spec.CommonParams.SITE;

public final class PoolGrantCommand extends CommandSpec<PoolGrantRequest> {

    public PoolGrantCommand() {
        super(PoolGrantRequest.COMMAND_ID, "pool grant", "pool grant NAME group=G role=R [site=S] [at=WHEN]",
                "vdi:pool:grant", PoolGrantRequest.class,
                List.of(NAME, Param.required("group"), Param.required("role"), SITE, AT));
    }

    @Override
    protected ParseResult<PoolGrantRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.POOL);
        String group = in.text("group");
        String role = in.text("role");
        String site = in.name("site", NameRule.OBJECT);
        Schedule runAt = in.schedule();
        return in.result(() -> new PoolGrantRequest(name, group, role, site, runAt));
    }
}
