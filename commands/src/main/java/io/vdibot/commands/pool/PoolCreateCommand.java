package io.vdibot.commands.pool;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.form.FormField;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.form.OptionsSource;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.spec.Keyword;
import io.vdibot.commands.template.TemplateVersionRef;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;
import java.util.Optional;

import static io.vdibot.commands.spec.CommonParams.AT;
import static io.vdibot.commands.spec.CommonParams.NAME;
import static io.vdibot.commands.spec.CommonParams.SITE;

public final class PoolCreateCommand extends CommandSpec<PoolCreateRequest> {

    /** The engine stores max VMs per user as a SMALLINT. */
    static final int MAX_PER_USER_LIMIT = 32767;

    public PoolCreateCommand() {
        super(PoolCreateRequest.COMMAND_ID, "pool create",
                "pool create NAME template=T size=N [batch=N] [prestarted=N] [max-per-user=N]"
                        + " [type=automatic|manual] [stateful=true|false] [template-version=N|latest] [site=S]"
                        + " [cluster=C] [group=G role=R] [description=\"…\"] [at=WHEN]",
                "vdi:pool:create", PoolCreateRequest.class,
                List.of(NAME, Param.required("template"), Param.required("size"), Param.optional("batch"),
                        Param.optional("prestarted"), Param.optional("max-per-user"), Param.optional("type"),
                        Param.optional("stateful"), Param.optional("template-version"), SITE,
                        Param.optional("cluster"), Param.optional("group"), Param.optional("role"),
                        Param.optional("description"), AT));
    }

    @Override
    protected ParseResult<PoolCreateRequest> build(ArgReader in) {
        String name = in.name("name", NameRule.POOL);
        String template = in.name("template", NameRule.TEMPLATE);
        Integer size = in.count("size", 1);
        Integer batch = in.count("batch", 1);
        Integer prestarted = in.count("prestarted", 0);
        in.notMoreThan("prestarted", prestarted, "size", size);
        Integer maxPerUser = in.count("max-per-user", 1, MAX_PER_USER_LIMIT);
        PoolType type = in.keyword("type", PoolType.class);
        Boolean stateful = in.bool("stateful");
        TemplateVersionRef templateVersion = in.templateVersion("template-version");
        String site = in.name("site", NameRule.OBJECT);
        String cluster = in.name("cluster", NameRule.OBJECT);
        String group = in.text("group");
        String role = in.text("role");
        in.together("group", "role");
        String description = in.text("description");
        Schedule runAt = in.schedule();
        return in.result(() -> new PoolCreateRequest(name, template, size, batch, prestarted, maxPerUser, type,
                stateful, templateVersion, site, cluster, group, role, description, runAt));
    }

    @Override
    public Optional<FormSpec> form() {
        return Optional.of(FormSpec.of(id(),
                FormField.select("site", OptionsSource.SITES, false),
                FormField.text("name", true),
                FormField.select("template", OptionsSource.TEMPLATES, true),
                FormField.text("template-version", false),
                FormField.number("size", true),
                FormField.number("batch", false),
                FormField.number("prestarted", false),
                FormField.number("max-per-user", false),
                FormField.choice("type", Keyword.words(PoolType.class), false),
                FormField.bool("stateful"),
                FormField.select("cluster", OptionsSource.CLUSTERS, false),
                FormField.select("group", OptionsSource.GROUPS, false),
                FormField.select("role", OptionsSource.ROLES, false),
                FormField.longText("description"),
                FormField.dateTime("at")));
    }
}
