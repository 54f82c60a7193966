package io.vdibot.commands.template;

import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code template migrate NAME [version=N] from=S1 to=S2 cluster=C storage=SD [as=NEWNAME] [move-back=true|false]
 * [at=WHEN]}: copies one version of a template from one site to another through the shared export storage.
 *
 * @param version    the template version to migrate (1 = base), {@code null} = the latest at the source when the
 *                   task runs
 * @param fromSite   the site that has the template
 * @param toSite     the site that receives it
 * @param cluster    cluster at {@code toSite}
 * @param storage    storage domain at {@code toSite}
 * @param targetName name at {@code toSite}, {@code null} = same name
 * @param moveBack   return the export storage to the source site afterwards, {@code null} = configured default
 */
public record TemplateMigrateRequest(String name, Integer version, String fromSite, String toSite, String cluster,
                                     String storage, String targetName, Boolean moveBack, Schedule runAt)
        implements TaskRequest {

    public static final String COMMAND_ID = "template.migrate";

    public TemplateMigrateRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fromSite, "fromSite");
        Objects.requireNonNull(toSite, "toSite");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(runAt, "runAt");
        if (version != null && version < 1) {
            throw new IllegalArgumentException("template versions start at 1");
        }
    }

    /** The source site: the task starts there and holds its locks there first. */
    @Override
    public String site() {
        return fromSite;
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }

    @Override
    public List<String> keyArguments() {
        return TaskRequest.arguments("version", version, "from", fromSite, "to", toSite, "as", targetName);
    }

    /** The template it creates at the target: under {@code as=}, or under its own name. */
    @Override
    public Optional<String> createdName() {
        return Optional.of(targetName != null ? targetName : name);
    }

    /** The template is created at the target site, not at the source the task starts from. */
    @Override
    public String createdAt() {
        return toSite;
    }
}
