package io.vdibot.commands.identity;

import io.vdibot.commands.Platform;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.spec.CommandSpec;
import java.util.List;

/** Re-binds a chat account whose e-mail address now points to another directory user, for administrators. */
public final class IdentityRebindCommand extends CommandSpec<IdentityRebindRequest> {

    public IdentityRebindCommand() {
        super(IdentityRebindRequest.COMMAND_ID, "identity rebind", "identity rebind slack|teams USER-ID",
                "vdi:identity:manage", IdentityRebindRequest.class,
                List.of(Param.positional("platform"), Param.positional("id")));
    }

    @Override
    protected ParseResult<IdentityRebindRequest> build(ArgReader in) {
        ChatPlatform platform = in.keyword("platform", ChatPlatform.class);
        String userId = in.text("id");
        return in.result(() -> new IdentityRebindRequest(platform.platform(), userId));
    }

    /** The platforms whose accounts are bound by e-mail address (the console's are directory users already). */
    public enum ChatPlatform implements io.vdibot.commands.spec.Keyword {
        SLACK(Platform.SLACK),
        TEAMS(Platform.TEAMS);

        private final Platform platform;

        ChatPlatform(Platform platform) {
            this.platform = platform;
        }

        Platform platform() {
            return platform;
        }

        @Override
        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
