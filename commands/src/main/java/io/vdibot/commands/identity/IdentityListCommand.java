package io.vdibot.commands.identity;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.spec.CommandSpec;
import java.util.List;

/** The chat accounts bound to directory users, for administrators. */
public final class IdentityListCommand extends CommandSpec<IdentityListRequest> {

    public IdentityListCommand() {
        super(IdentityListRequest.COMMAND_ID, "identity list", "identity list [user=U]", "vdi:identity:manage",
                IdentityListRequest.class, List.of(Param.optional("user")));
    }

    @Override
    protected ParseResult<IdentityListRequest> build(ArgReader in) {
        String user = in.name("user", NameRule.OBJECT);
        return in.result(() -> new IdentityListRequest(user));
    }
}
