package io.vdibot.commands.vm;

import io.vdibot.commands.form.FormField;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.spec.CommandSpec;

import java.util.List;
import java.util.Optional;

import static io.vdibot.commands.spec.CommonParams.AT;
import static io.vdibot.commands.spec.CommonParams.NAME;
import static io.vdibot.commands.spec.CommonParams.SITE;

public final class VmSnapshotCommand extends CommandSpec<VmSnapshotRequest> {

    public VmSnapshotCommand() {
        super(VmSnapshotRequest.COMMAND_ID, "vm snapshot",
                "vm snapshot NAME [description=TEXT] [memory=true|false] [site=S] [at=WHEN]", "vdi:vm:snapshot",
                VmSnapshotRequest.class,
                List.of(NAME, Param.optional("description"), Param.optional("memory"), SITE, AT));
    }

    @Override
    public Optional<FormSpec> form() {
        // "memory" is a size in vm create; here it is a yes/no, labelled as such
        return Optional.of(VmForms.oneVm(id(), FormField.text("description", false),
                FormField.bool("memory").labelled("field.memory.save")));
    }

    @Override
    protected ParseResult<VmSnapshotRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.VM);
        String description = in.text("description");
        Boolean memory = in.bool("memory");
        String site = in.name("site", NameRule.OBJECT);
        Schedule runAt = in.schedule();
        return in.result(() -> new VmSnapshotRequest(name, description, memory, site, runAt));
    }
}
