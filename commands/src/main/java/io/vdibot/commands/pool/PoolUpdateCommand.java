package io.vdibot.commands.pool;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.form.FormField;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.form.OptionsSource;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;
import java.util.Optional;

import static io.vdibot.commands.spec.CommonParams.AT;
import static io.vdibot.commands.spec.CommonParams.NAME;
import static io.vdibot.commands.spec.CommonParams.SITE;

public final class PoolUpdateCommand extends CommandSpec<PoolUpdateRequest> {

    public PoolUpdateCommand() {
        super(PoolUpdateRequest.COMMAND_ID, "pool update",
                "pool update NAME [description=\"…\"] [prestarted=N] [max-per-user=N] [site=S] [at=WHEN]",
                "vdi:pool:update", PoolUpdateRequest.class,
                List.of(NAME, Param.optional("description"), Param.optional("prestarted"),
                        Param.optional("max-per-user"), SITE, AT));
    }

    @Override
    protected ParseResult<PoolUpdateRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.POOL);
        String description = in.text("description");
        Integer prestarted = in.count("prestarted", 0);
        Integer maxPerUser = in.count("max-per-user", 1, PoolCreateCommand.MAX_PER_USER_LIMIT);
        in.atLeastOne("description", "prestarted", "max-per-user");
        String site = in.name("site", NameRule.OBJECT);
        Schedule runAt = in.schedule();
        return in.result(() -> new PoolUpdateRequest(name, description, prestarted, maxPerUser, site, runAt));
    }

    @Override
    public Optional<FormSpec> form() {
        return Optional.of(FormSpec.of(id(),
                FormField.select("site", OptionsSource.SITES, false),
                FormField.select("name", OptionsSource.POOLS, true),
                FormField.longText("description"),
                FormField.number("prestarted", false),
                FormField.number("max-per-user", false),
                FormField.dateTime("at")));
    }
}
