package io.vdibot.commands.template;

import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code template create NAME vm=VM [seal=true] [version-of=BASE] [version-name=V] [cluster=C] [storage=SD]
 * [copy-permissions=true] [stop=true] [site=S] [at=WHEN]}.
 *
 * @param vm              the VM the template is made from
 * @param seal            seal the template (remove machine-specific data), {@code null} = engine default
 * @param versionOf       make a new version of this existing template instead of a new template
 * @param versionName     the version's name, {@code null} = none
 * @param storage         storage domain for the template's disks, {@code null} = the VM's
 * @param copyPermissions copy the VM's permissions to the template, {@code null} = engine default
 * @param stop            shut a running VM down first (the engine makes templates only from a VM that is down);
 *                        {@code null} = no, and a running VM is refused
 */
public record TemplateCreateRequest(String name, String vm, Boolean seal, String versionOf, String versionName,
                                    String cluster, String storage, Boolean copyPermissions, Boolean stop,
                                    String site, Schedule runAt) implements TaskRequest {

    public static final String COMMAND_ID = "template.create";

    public TemplateCreateRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }

    /** A new template takes its name; a new version keeps its base template's name and creates none. */
    @Override
    public Optional<String> createdName() {
        return versionOf == null ? Optional.of(name) : Optional.empty();
    }

    /** Whether a running VM is to be shut down first. */
    public boolean stopsVm() {
        return Boolean.TRUE.equals(stop);
    }

    @Override
    public List<String> keyArguments() {
        return TaskRequest.arguments("vm", vm, "version-of", versionOf);
    }
}
