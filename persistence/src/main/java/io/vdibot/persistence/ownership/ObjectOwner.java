package io.vdibot.persistence.ownership;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Who owns one object at one site, besides administrators.
 *
 * @param kind          the object's kind ({@code pool})
 * @param ownerUid      the directory user whose task created the object; {@code null} once handed to a group
 * @param ownerGroup    the directory group whose members own the object; {@code null} when none was named
 * @param createdByTask the task that created the object, when the bot created it
 * @param changedBy     who set this ownership last (the creator, or the administrator who assigned it)
 */
public record ObjectOwner(String kind, String site, String name, String ownerUid, String ownerGroup,
        String createdByTask, String changedBy, Instant changedAt) {

    /** Whether {@code uid} owns the object by name, or through {@code groups} (names compare ignoring case). */
    public boolean ownedBy(String uid, Set<String> groups) {
        if (ownerUid != null && ownerUid.equalsIgnoreCase(uid)) {
            return true;
        }
        return ownerGroup != null && groups.stream()
                .anyMatch(group -> group.toLowerCase(Locale.ROOT).equals(ownerGroup.toLowerCase(Locale.ROOT)));
    }
}
