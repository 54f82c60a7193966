package io.vdibot.commands.template;

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

public final class TemplateMigrateCommand extends CommandSpec<TemplateMigrateRequest> {

    public TemplateMigrateCommand() {
        super(TemplateMigrateRequest.COMMAND_ID, "template migrate",
                "template migrate NAME [version=N] from=S1 to=S2 cluster=C storage=SD [as=NEWNAME]"
                        + " [move-back=true|false] [at=WHEN]",
                "vdi:template:migrate", TemplateMigrateRequest.class,
                List.of(NAME, Param.optional("version"), Param.required("from"), Param.required("to"),
                        Param.required("cluster"), Param.required("storage"), Param.optional("as"),
                        Param.optional("move-back"), AT));
    }

    @Override
    protected ParseResult<TemplateMigrateRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.TEMPLATE);
        Integer version = in.count("version", 1);
        String from = in.name("from", NameRule.OBJECT);
        String to = in.name("to", NameRule.OBJECT);
        in.differ("from", "to");
        String cluster = in.name("cluster", NameRule.OBJECT);
        String storage = in.name("storage", NameRule.OBJECT);
        String targetName = in.name("as", NameRule.TEMPLATE);
        Boolean moveBack = in.bool("move-back");
        Schedule runAt = in.schedule();
        return in.result(() -> new TemplateMigrateRequest(name, version, from, to, cluster, storage, targetName,
                moveBack, runAt));
    }

    @Override
    public Optional<FormSpec> form() {
        return Optional.of(FormSpec.of(id(),
                FormField.select("from", OptionsSource.SITES, true),
                FormField.select("name", OptionsSource.TEMPLATES, true).withSiteField("from"),
                FormField.number("version", false),
                FormField.select("to", OptionsSource.SITES, true),
                FormField.select("cluster", OptionsSource.CLUSTERS, true).withSiteField("to"),
                FormField.select("storage", OptionsSource.STORAGE, true).withSiteField("to"),
                FormField.text("as", false),
                FormField.bool("move-back"),
                FormField.dateTime("at")));
    }
}
