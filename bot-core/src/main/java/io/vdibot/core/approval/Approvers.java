package io.vdibot.core.approval;

import io.vdibot.core.directory.Directory;
import io.vdibot.core.directory.DirectoryUnavailableException;
import io.vdibot.core.directory.DirectoryUser;
import io.vdibot.core.permission.PermissionPolicy;
import java.util.List;
import java.util.Objects;

/**
 * Who may decide on someone's request: the members of the groups whose roles grant the approve permission, the
 * requester excepted. Told to a requester who tries to approve their own request.
 */
public final class Approvers {

    static final String APPROVE = "vdi:task:approve";
    /** Named one by one up to this many; more are summed up by their groups. */
    private static final int MOST_NAMED = 5;

    private final Directory directory;
    private final PermissionPolicy permissions;

    /** @param directory the cached directory: asked only when someone tries to approve their own request */
    public Approvers(Directory directory, PermissionPolicy permissions) {
        this.directory = directory;
        this.permissions = permissions;
    }

    /**
     * The display names of the people who may decide on {@code requesterUid}'s request, sorted; empty when there are
     * more than a handful, none, or the directory cannot say (then {@link #groups()} names who can).
     */
    public List<String> besides(String requesterUid) {
        try {
            List<String> names = permissions.groupsGranting(APPROVE).stream()
                    .flatMap(group -> directory.membersOf(group).stream())
                    .filter(user -> !user.uid().equalsIgnoreCase(Objects.toString(requesterUid, "")))
                    .filter(user -> permissions.isAllowed(user, APPROVE))
                    .map(DirectoryUser::displayName).distinct().sorted().toList();
            return names.size() <= MOST_NAMED ? names : List.of();
        } catch (DirectoryUnavailableException e) {
            return List.of();
        }
    }

    /** The groups whose members may approve. */
    public List<String> groups() {
        return permissions.groupsGranting(APPROVE);
    }
}
