package io.vdibot.core.execution;

import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.OwnedObjectChange;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.core.directory.Directory;
import io.vdibot.core.directory.DirectoryUnavailableException;
import io.vdibot.core.directory.DirectoryUser;
import io.vdibot.core.permission.Decision;
import io.vdibot.core.ownership.Ownership;
import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.persistence.task.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks again, when a task starts, whether its requester may still do what it does: a task scheduled for next week
 * or approved hours later must not run for someone who has since left the company or lost the group. The directory
 * is asked directly, past any cache; when it cannot answer, the task does not run (it fails, saying why).
 */
public final class RequesterRecheck {

    private static final Logger LOG = LoggerFactory.getLogger(RequesterRecheck.class);

    /** Why the task may not run, as a message key and its arguments, to be said in each reader's language. */
    public record Refusal(String key, List<Object> args) {

        public String in(Messages messages) {
            return messages.format(key, args.toArray());
        }
    }

    private final Directory directory;
    private final PermissionPolicy permissions;
    private final CommandRegistry registry;
    private final Ownership ownership;

    /** @param directory the directory itself, not a cache in front of it */
    public RequesterRecheck(Directory directory, PermissionPolicy permissions, CommandRegistry registry,
            Ownership ownership) {
        this.directory = directory;
        this.permissions = permissions;
        this.registry = registry;
        this.ownership = ownership;
    }

    /**
     * Empty when the requester still holds the task's permission.
     *
     * @throws TaskFailure when the directory cannot be asked
     */
    Optional<Refusal> refusal(TaskRecord task, TaskRequest request, Messages messages) {
        String uid = task.requester().directoryUid();
        String who = task.requester().displayName() != null ? task.requester().displayName() : String.valueOf(uid);
        if (uid == null) {
            return Optional.of(new Refusal("reply.task.refused-unknown", List.of(task.code(), who)));
        }
        Optional<DirectoryUser> user;
        try {
            user = directory.findByUid(uid);
        } catch (DirectoryUnavailableException e) {
            throw new TaskFailure(messages.format("reply.task.recheck-unavailable", who), null, e);
        }
        if (user.isEmpty()) {
            return Optional.of(new Refusal("reply.task.refused-unknown", List.of(task.code(), who)));
        }
        List<String> needed = new ArrayList<>(List.of(registry.specOf(request).permission()));
        needed.addAll(request.additionalPermissions());
        for (String permission : needed) {
            Decision decision = permissions.check(user.get(), permission);
            if (!decision.allowed()) {
                LOG.info("{} not run: {}", task.code(), decision.auditReason());
                return Optional.of(new Refusal("reply.task.refused-permission",
                        List.of(task.code(), who, permission)));
            }
        }
        boolean changesAny = permissions.check(user.get(), OwnedObjectChange.CHANGE_ANY).allowed();
        if (request instanceof OwnedObjectChange change
                && ownership.refusal(user.get(), changesAny, change, task.site()).isPresent()) {
            LOG.info("{} not run: {} no longer owns {} {}", task.code(), uid, change.objectKind(), change.name());
            return Optional.of(new Refusal("reply.task.refused-owner",
                    List.of(task.code(), who, change.name(), task.site())));
        }
        return Optional.empty();
    }
}
