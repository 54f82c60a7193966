package io.vdibot.commands.template;

import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;
import java.util.Objects;

/**
 * {@code template migrate NAME from=S1 to=S2 cluster=C storage=SD [as=NEWNAME] [move-back=true|false] [at=WHEN]}:
 * copies a template from one site to another through the shared export storage.
 *
 * @param fromSite   the site that has the template
 * @param toSite     the site that receives it
 * @param cluster    cluster at {@code toSite}
 * @param storage    storage domain at {@code toSite}
 * @param targetName name at {@code toSite}, {@code null} = same name
 * @param moveBack   return the export storage to the source site afterwards, {@code null} = configured default
 */
public record TemplateMigrateRequest(String name, String fromSite, String toSite, String cluster, String storage,
                                     String targetName, Boolean moveBack, Schedule runAt) implements TaskRequest {

    public static final String COMMAND_ID = "template.migrate";

    public TemplateMigrateRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fromSite, "fromSite");
        Objects.requireNonNull(toSite, "toSite");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(runAt, "runAt");
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
        return TaskRequest.arguments("from", fromSite, "to", toSite, "as", targetName);
    }
}
