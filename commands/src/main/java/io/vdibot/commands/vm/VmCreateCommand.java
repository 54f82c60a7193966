package io.vdibot.commands.vm;

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

public final class VmCreateCommand extends CommandSpec<VmCreateRequest> {

    public VmCreateCommand() {
        super(VmCreateRequest.COMMAND_ID, "vm create",
                "vm create NAME template=T [site=S] [cluster=C] [memory=4GiB] [cpus=2] [init=\"script\"] [at=WHEN]",
                "vdi:vm:create", VmCreateRequest.class,
                List.of(NAME, Param.required("template"), SITE, Param.optional("cluster"), Param.optional("memory"),
                        Param.optional("cpus"), Param.optional("init"), AT));
    }

    @Override
    protected ParseResult<VmCreateRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.VM);
        String template = in.name("template", NameRule.TEMPLATE);
        String site = in.name("site", NameRule.OBJECT);
        String cluster = in.name("cluster", NameRule.OBJECT);
        Long memory = in.memory("memory");
        Integer cpus = in.cpus("cpus");
        String init = in.script("init");
        Schedule runAt = in.schedule();
        return in.result(() -> new VmCreateRequest(name, template, site, cluster, memory, cpus, init, runAt));
    }

    @Override
    public Optional<FormSpec> form() {
        return Optional.of(FormSpec.of(id(),
                FormField.select("site", OptionsSource.SITES, false),
                FormField.text("name", true),
                FormField.select("template", OptionsSource.TEMPLATES, true),
                FormField.select("cluster", OptionsSource.CLUSTERS, false),
                FormField.text("memory", false),
                FormField.number("cpus", false),
                FormField.longText("init"),
                FormField.dateTime("at")));
    }
}
