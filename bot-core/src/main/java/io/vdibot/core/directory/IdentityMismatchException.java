package io.vdibot.core.directory;

/**
 * A chat account bound to one directory entry now resolves to another (its e-mail points elsewhere, or the entry
 * moved): the bot does not guess which is right; an administrator re-binds.
 */
public final class IdentityMismatchException extends RuntimeException {

    private final String boundUid;
    private final String foundUid;

    public IdentityMismatchException(String boundUid, String boundDn, String foundUid, String foundDn) {
        super("bound to " + boundUid + " (" + boundDn + "), now resolves to " + foundUid + " (" + foundDn + ")",
                null, false, false);
        this.boundUid = boundUid;
        this.foundUid = foundUid;
    }

    public String boundUid() {
        return boundUid;
    }

    public String foundUid() {
        return foundUid;
    }
}
