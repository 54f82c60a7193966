package io.vdibot.core.directory;

import java.util.List;
import java.util.Optional;

/**
 * Read-only view of the people directory.
 *
 * <p>Every method answers "not found" with an empty result and "could not ask" with
 * {@link DirectoryUnavailableException}, so callers never mistake an outage for an unknown user.
 */
public interface Directory {

    /** The user whose mail address is {@code mail}, compared case-insensitively. */
    Optional<DirectoryUser> findByMail(String mail);

    /** The user whose login name is {@code uid}. */
    Optional<DirectoryUser> findByUid(String uid);

    /** Everyone in the group named {@code group} (e.g. the approvers, the people on call). */
    List<DirectoryUser> membersOf(String group);

    /** Whether a group named {@code group} exists under the configured group search base. */
    boolean groupExists(String group);

    /**
     * The mail address of the group named {@code group} itself (its mail attribute, as Active Directory and mail-enabled
     * groups keep one), not its members'; empty when the group has none or does not exist.
     */
    Optional<String> groupMail(String group);
}
