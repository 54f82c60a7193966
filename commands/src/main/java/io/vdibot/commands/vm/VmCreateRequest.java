package io.vdibot.commands.vm;

import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code vm create NAME template=T [site=S] [cluster=C] [memory=4GiB] [cpus=2] [init="script"] [at=WHEN]}.
 *
 * @param memoryBytes memory in bytes, {@code null} = the template's
 * @param cpus        virtual CPUs, {@code null} = the template's
 * @param initScript  cloud-init / sysprep custom script, {@code null} = none
 */
public record VmCreateRequest(String name, String template, String site, String cluster, Long memoryBytes,
                              Integer cpus, String initScript, Schedule runAt) implements TaskRequest {

    public static final String COMMAND_ID = "vm.create";

    public VmCreateRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(runAt, "runAt");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }

    @Override
    public Optional<String> createdName() {
        return Optional.of(name);
    }

    /** Who may create VMs may not necessarily run a script as root in them. */
    public static final String INIT_PERMISSION = "vdi:vm:init";

    @Override
    public Set<String> additionalPermissions() {
        return initScript == null ? Set.of() : Set.of(INIT_PERMISSION);
    }

    @Override
    public List<String> keyArguments() {
        return TaskRequest.arguments("template", template, "cluster", cluster);
    }
}
