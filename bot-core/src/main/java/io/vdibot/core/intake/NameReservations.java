package io.vdibot.core.intake;

import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A name an earlier task will create is taken, although the engine does not know it yet: a VM, pool or template
 * asked for under a name another task waiting for approval, scheduled or running at the same site will create is
 * refused, naming that task. The inventory check cannot see it, and the later task would fail at its preflight.
 */
public final class NameReservations {

    private final TaskRepository tasks;
    private final TaskJson json;

    public NameReservations(TaskRepository tasks, TaskJson json) {
        this.tasks = tasks;
        this.json = json;
    }

    /**
     * The refusal of {@code request} when an open task of the same command at {@code site} creates its name. The
     * task of the same delivery ({@code idempotencyKey}, a platform's retry) reserves nothing against itself: the
     * retry is recognised and dropped when it is stored.
     */
    public List<Violation> check(TaskRequest request, String site, String idempotencyKey) {
        Optional<String> name = request.createdName();
        if (name.isEmpty()) {
            return List.of();
        }
        return tasks.findOpenByName(request.commandId(), site, name.get()).stream()
                .filter(task -> !Objects.equals(task.idempotencyKey(), idempotencyKey))
                .filter(task -> ((TaskRequest) json.readRequest(task.commandId(), task.requestJson())).createdName()
                        .equals(name))
                .findFirst()
                .map(task -> List.of(Violation.of("name", "validate.name-reserved", name.get(), site, task.code())))
                .orElse(List.of());
    }
}
