package io.vdibot.commands.pool;

import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.template.TemplateVersionRef;
import io.vdibot.commands.schedule.Schedule;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code pool create NAME template=T size=N [batch=N] [prestarted=N] [max-per-user=N] [type=automatic|manual]
 * [stateful=true|false] [template-version=N|latest] [site=S] [cluster=C] [group=G role=R] [description="…"] [at=WHEN]}.
 *
 * @param name            pool name; a run of {@code ?} is the engine's numbering mask for the pool's VMs
 * @param size            number of VMs in the pool
 * @param batch           grow the pool by at most this many VMs at a time, {@code null} = configured default
 * @param prestarted      VMs kept running for users, {@code null} = engine default (0)
 * @param maxPerUser      VMs one user may take, {@code null} = engine default (1)
 * @param type            {@code null} = engine default (automatic)
 * @param stateful        {@code null} = engine default (false)
 * @param templateVersion {@code null} = the version named by {@code template}
 * @param group           directory group granted {@code role} on the new pool, {@code null} = no grant
 * @param role            engine role for {@code group}; given together with it
 */
public record PoolCreateRequest(String name, String template, int size, Integer batch, Integer prestarted,
                                Integer maxPerUser, PoolType type, Boolean stateful,
                                TemplateVersionRef templateVersion, String site, String cluster, String group,
                                String role, String description, Schedule runAt) implements TaskRequest {

    public static final String COMMAND_ID = "pool.create";

    public PoolCreateRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(runAt, "runAt");
        if ((group == null) != (role == null)) {
            throw new IllegalArgumentException("group and role go together");
        }
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }

    @Override
    public Optional<String> createdName() {
        return Optional.of(name);
    }

    @Override
    public List<String> keyArguments() {
        return TaskRequest.arguments("template", template, "size", size, "prestarted", prestarted);
    }
}
