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

/** What the four power commands share: {@code vm VERB NAME [site=S] [at=WHEN]}, permission {@code vdi:vm:VERB}. */
abstract class VmPowerCommand<R extends VmPowerRequest> extends CommandSpec<R> {

    /** Makes the request from what was read. */
    interface Factory<R> {
        R create(String name, String site, Schedule runAt);
    }

    private final Factory<R> factory;

    VmPowerCommand(String id, String verb, Class<R> requestType, Factory<R> factory) {
        super(id, "vm " + verb, "vm " + verb + " NAME [site=S] [at=WHEN]", "vdi:vm:" + verb, requestType,
                List.of(NAME, SITE, AT));
        this.factory = factory;
    }

    @Override
    public Optional<FormSpec> form() {
        return Optional.of(VmForms.oneVm(id()));
    }

    @Override
    protected final ParseResult<R> build(ArgReader in) {
        String name = in.name("name", NameRule.VM);
        String site = in.name("site", NameRule.OBJECT);
        Schedule runAt = in.schedule();
        return in.result(() -> factory.create(name, site, runAt));
    }
}
