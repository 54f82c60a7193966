package io.vdibot.commands.vm;

import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.spec.CommandSpec;

import java.util.List;
import java.util.Optional;

import static io.vdibot.commands.spec.CommonParams.AT;
import static io.vdibot.commands.spec.CommonParams.NAME;
import static io.vdibot.commands.spec.CommonParams.SITE;

public final class VmDeleteCommand extends CommandSpec<VmDeleteRequest> {

    public VmDeleteCommand() {
        super(VmDeleteRequest.COMMAND_ID, "vm delete", "vm delete NAME [site=S] [at=WHEN]", "vdi:vm:delete",
                VmDeleteRequest.class, List.of(NAME, SITE, AT));
    }

    @Override
    public Optional<FormSpec> form() {
        return Optional.of(VmForms.oneVm(id()));
    }

    @Override
    protected ParseResult<VmDeleteRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.VM);
        String site = in.name("site", NameRule.OBJECT);
        Schedule runAt = in.schedule();
        return in.result(() -> new VmDeleteRequest(name, site, runAt));
    }
}
