package io.vdibot.commands.port;

/**
 * Whether someone may see what a command shows before it is ever submitted: its form, the inventory names in its
 * pickers, the parts of a home page it fills. Adapters ask before they draw any of these, because a form lists sites,
 * templates, groups and VMs, which are not for people unknown to the directory or without the command's permission.
 * The request itself is still checked by the core when it is submitted; this only keeps names from being shown.
 */
public interface AccessCheck {

    /**
     * The verdict on {@code identity} for the command {@code commandId}: allowed only when the identity is a directory
     * user holding the command's permission. Never throws: anything that keeps the answer from being known (the
     * directory unreachable, an unknown command) is a refusal.
     */
    Verdict verdict(ChatIdentity identity, String commandId);

    /** True only when {@link #verdict} allows it. */
    default boolean mayUse(ChatIdentity identity, String commandId) {
        return verdict(identity, commandId).allowed();
    }

    /**
     * The answer, with the line the core itself gives for the same refusal of a submitted request, so people read the
     * same words whether a form is refused or a typed command.
     */
    enum Verdict {
        ALLOWED(null),
        /** No directory user for this chat identity. */
        UNKNOWN_USER("reply.unknown-user"),
        /** A directory user without the command's permission (or a command that does not exist). */
        DENIED("reply.denied"),
        /** The directory could not be asked; nothing is shown until it can. */
        UNAVAILABLE("reply.directory-unavailable");

        private final String messageKey;

        Verdict(String messageKey) {
            this.messageKey = messageKey;
        }

        public boolean allowed() {
            return this == ALLOWED;
        }

        /** The one-line refusal in the commands bundle; {@code null} for {@link #ALLOWED}. */
        public String messageKey() {
            return messageKey;
        }
    }
}
