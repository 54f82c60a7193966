package io.vdibot.core.permission;

/** The roles the default policy knows. Configuration may define more; role names are lower case. */
public final class Roles {

    /** Asks for VMs, pools and templates, and cancels tasks. */
    public static final String REQUESTER = "requester";
    /** A requester who also approves or rejects requests waiting for approval. */
    public static final String APPROVER = "approver";
    /** Everything, including operations on locks and the bot itself. */
    public static final String ADMIN = "admin";
    /** Looks at inventory, tasks and logs. */
    public static final String VIEWER = "viewer";
    /** Looks, and is told when tasks finish or fail. */
    public static final String ONCALL = "oncall";

    private Roles() {
    }
}
