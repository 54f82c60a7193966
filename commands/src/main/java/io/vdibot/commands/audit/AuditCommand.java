package io.vdibot.commands.audit;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.spec.CommandSpec;
import java.time.Instant;
import java.util.List;

/** The audit trail, for administrators only. */
public final class AuditCommand extends CommandSpec<AuditRequest> {

    public AuditCommand() {
        super(AuditRequest.COMMAND_ID, "audit", "audit [user=U] [task=T] [since=WHEN] [page=N]", "vdi:audit:view",
                AuditRequest.class, List.of(Param.optional("user"), Param.optional("task"), Param.optional("since"),
                        Param.optional("page")));
    }

    @Override
    protected ParseResult<AuditRequest> build(ArgReader in) {
        String user = in.name("user", NameRule.OBJECT);
        String task = in.taskId("task");
        Instant since = in.since("since");
        Integer page = in.count("page", 1, 10_000);
        return in.result(() -> new AuditRequest(user, task, since, page == null ? 1 : page));
    }
}
