package io.vdibot.commands.spec;

/**
 * A task that changes an object with owners (a pool): besides the command's permission, the requester must own the
 * object — its creator, or a member of the directory group named its owner — or hold the permission to change any
 * such object. The object is {@link #objectKind()} {@link #name()} at {@link #site()}.
 */
public interface OwnedObjectChange extends TaskRequest {

    /** Held by administrators: change objects whoever owns them, and name their owners. */
    String CHANGE_ANY = "vdi:ownership:any";
}
