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
 * asked for under a name that another task waiting for approval, scheduled or running will create at the same site
 * is refused, naming that task. The inventory check cannot see it, and the later task would fail at its preflight.
 *
 * <p>The commands of one family create one kind of object ({@code template create} and {@code template migrate}
 * both create templates), so a name is reserved against the whole family; and it is reserved where the object
 * will be ({@link TaskRequest#createdAt()}: a migration's target site, not the source it starts from).
 */
public final class NameReservations {

    private final TaskRepository tasks;
    private final TaskJson json;

    public NameReservations(TaskRepository tasks, TaskJson json) {
        this.tasks = tasks;
        this.json = json;
    }

    /**
     * The refusal of {@code request} when an open task of its family creates the same name at the same site.
     * {@code site} is where the request acts, the default site already resolved. The task of the same delivery
     * ({@code idempotencyKey}, a platform's retry) reserves nothing against itself: the retry is recognised and
     * dropped when it is stored.
     */
    public List<Violation> check(TaskRequest request, String site, String idempotencyKey) {
        Optional<String> name = request.createdName();
        if (name.isEmpty()) {
            return List.of();
        }
        String at = createdAt(request, site);
        return tasks.findOpenMentioning(family(request.commandId()), name.get()).stream()
                .filter(task -> !Objects.equals(task.idempotencyKey(), idempotencyKey))
                .filter(task -> creates(task, name.get(), at))
                .findFirst()
                .map(task -> List.of(Violation.of("name", "validate.name-reserved", name.get(), at, task.code())))
                .orElse(List.of());
    }

    private boolean creates(TaskRecord task, String name, String site) {
        TaskRequest other = (TaskRequest) json.readRequest(task.commandId(), task.requestJson());
        // the stored site is the one the task acts on, the default already resolved when it was accepted
        return other.createdName().filter(name::equals).isPresent() && Objects.equals(createdAt(other, task.site()), site);
    }

    /** Where a request creates its object: its own answer, or the site it acts on when it leaves that open. */
    private static String createdAt(TaskRequest request, String site) {
        return request.createdAt() != null ? request.createdAt() : site;
    }

    /** {@code template} for {@code template.migrate}: command ids are a family and a verb. */
    private static String family(String commandId) {
        int dot = commandId.indexOf('.');
        return dot < 0 ? commandId : commandId.substring(0, dot);
    }
}
