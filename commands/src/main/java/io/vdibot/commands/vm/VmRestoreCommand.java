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

public final class VmRestoreCommand extends CommandSpec<VmRestoreRequest> {

    public VmRestoreCommand() {
        super(VmRestoreRequest.COMMAND_ID, "vm restore",
                "vm restore NAME snapshot=DESCRIPTION-OR-ID [start=true|false] [site=S] [at=WHEN]", "vdi:vm:restore",
                VmRestoreRequest.class,
                List.of(NAME, Param.required("snapshot"), Param.optional("start"), SITE, AT));
    }

    /**
     * The snapshot is typed: form options are looked up per site, not per VM chosen in the same form, so a picker
     * could not offer the snapshots of the VM picked above it.
     */
    @Override
    public Optional<FormSpec> form() {
        return Optional.of(VmForms.oneVm(id(), FormField.text("snapshot", true), FormField.bool("start")));
    }

    @Override
    protected ParseResult<VmRestoreRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.VM);
        String snapshot = in.text("snapshot");
        Boolean start = in.bool("start");
        String site = in.name("site", NameRule.OBJECT);
        Schedule runAt = in.schedule();
        return in.result(() -> new VmRestoreRequest(name, snapshot, start, site, runAt));
    }
}
