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

public final class PoolResizeCommand extends CommandSpec<PoolResizeRequest> {

    public PoolResizeCommand() {
        super(PoolResizeRequest.COMMAND_ID, "pool resize", "pool resize NAME size=N [site=S] [at=WHEN]",
                "vdi:pool:resize", PoolResizeRequest.class, List.of(NAME, Param.required("size"), SITE, AT));
    }

    @Override
    protected ParseResult<PoolResizeRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.POOL);
        Integer size = in.count("size", 1);
        String site = in.name("site", NameRule.OBJECT);
        Schedule runAt = in.schedule();
        return in.result(() -> new PoolResizeRequest(name, size, site, runAt));
    }
}
