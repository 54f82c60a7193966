package io.vdibot.core.ownership;

import io.vdibot.commands.spec.OwnedObjectChange;
import io.vdibot.core.directory.DirectoryUser;
import io.vdibot.persistence.ownership.ObjectOwner;
import io.vdibot.persistence.ownership.ObjectOwners;
import java.util.List;
import java.util.Optional;

/**
 * Whether a user may change an object with owners: its creator and the members of its owner group may; so may
 * whoever holds {@link OwnedObjectChange#CHANGE_ANY} (administrators). An object the bot did not create, and to
 * which no administrator named an owner group, belongs to administrators alone.
 */
public final class Ownership {

    /** Why the user may not change the object, as a message key and its arguments. */
    public record Refusal(String key, List<Object> args) {
    }

    private final ObjectOwners owners;

    public Ownership(ObjectOwners owners) {
        this.owners = owners;
    }

    /**
     * Empty when {@code user} may change the object {@code change} names at {@code site}.
     *
     * @param changesAny whether the user holds {@link OwnedObjectChange#CHANGE_ANY}
     */
    public Optional<Refusal> refusal(DirectoryUser user, boolean changesAny, OwnedObjectChange change, String site) {
        if (changesAny) {
            return Optional.empty();
        }
        Optional<ObjectOwner> owner = owners.find(change.objectKind(), site, change.name());
        if (owner.isEmpty()) {
            return Optional.of(new Refusal("ownership.refused.admins", List.of(change.name(), site)));
        }
        if (owner.get().ownedBy(user.uid(), user.groups())) {
            return Optional.empty();
        }
        return Optional.of(owner.get().ownerGroup() != null
                ? new Refusal("ownership.refused.group", List.of(change.name(), site, owner.get().ownerGroup()))
                : new Refusal("ownership.refused.user", List.of(change.name(), site, owner.get().ownerUid())));
    }
}
