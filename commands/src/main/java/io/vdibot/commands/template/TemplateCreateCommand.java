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
import static io.vdibot.commands.spec.CommonParams.SITE;

public final class TemplateCreateCommand extends CommandSpec<TemplateCreateRequest> {

    public TemplateCreateCommand() {
        super(TemplateCreateRequest.COMMAND_ID, "template create",
                "template create NAME vm=VM [seal=true] [version-of=BASE] [version-name=V] [cluster=C]"
                        + " [storage=SD] [copy-permissions=true] [stop=true] [site=S] [at=WHEN]",
                "vdi:template:create", TemplateCreateRequest.class,
                List.of(NAME, Param.required("vm"), Param.optional("seal"), Param.optional("version-of"),
                        Param.optional("version-name"), Param.optional("cluster"), Param.optional("storage"),
                        Param.optional("copy-permissions"), Param.optional("stop"), SITE, AT));
    }

    @Override
    protected ParseResult<TemplateCreateRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.TEMPLATE);
        String vm = in.name("vm", NameRule.OBJECT);
        Boolean seal = in.bool("seal");
        String versionOf = in.name("version-of", NameRule.TEMPLATE);
        String versionName = in.text("version-name");
        String cluster = in.name("cluster", NameRule.OBJECT);
        String storage = in.name("storage", NameRule.OBJECT);
        Boolean copyPermissions = in.bool("copy-permissions");
        Boolean stop = in.bool("stop");
        String site = in.name("site", NameRule.OBJECT);
        Schedule runAt = in.schedule();
        return in.result(() -> new TemplateCreateRequest(name, vm, seal, versionOf, versionName, cluster, storage,
                copyPermissions, stop, site, runAt));
    }

    @Override
    public Optional<FormSpec> form() {
        return Optional.of(FormSpec.of(id(),
                FormField.select("site", OptionsSource.SITES, false),
                FormField.text("name", true),
                FormField.select("vm", OptionsSource.VMS, true),
                FormField.bool("seal"),
                FormField.select("version-of", OptionsSource.TEMPLATES, false),
                FormField.text("version-name", false),
                FormField.select("cluster", OptionsSource.CLUSTERS, false),
                FormField.select("storage", OptionsSource.STORAGE, false),
                FormField.bool("copy-permissions"),
                FormField.bool("stop"),
                FormField.dateTime("at")));
    }
}
