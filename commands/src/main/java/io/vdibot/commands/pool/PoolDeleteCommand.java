package io.vdibot.commands.pool;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.AT;
import static io.vdibot.commands.spec.CommonParams.NAME;
import static io.vdibot.commands.spec.CommonParams.SITE;

public final class PoolDeleteCommand extends CommandSpec<PoolDeleteRequest> {

    public PoolDeleteCommand() {
        super(PoolDeleteRequest.COMMAND_ID, "pool delete", "pool delete NAME [site=S] [at=WHEN]",
                "vdi:pool:delete", PoolDeleteRequest.class, List.of(NAME, SITE, AT));
    }

    @Override
    protected ParseResult<PoolDeleteRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.POOL);
        String site = in.name("site", NameRule.OBJECT);
        Schedule runAt = in.schedule();
        return in.result(() -> new PoolDeleteRequest(name, site, runAt));
    }
}
