package io.vdibot.commands.port;

/**
 * Why an adapter would not act for someone before the core ever sees the request: the platform says the request
 * comes from a workspace, tenant or channel the bot does not serve, or from an account the configuration does not
 * admit (a guest, someone from another organisation, a deactivated account or a bot, an unconfirmed e-mail address).
 * The adapter tells the person in one line, in their language where it knows it, and hands nothing over.
 */
public enum IdentityRefusal {

    /** A Slack workspace or Enterprise Grid organisation not named in {@code vdibot.slack.allowed-team-ids}. */
    WORKSPACE("identity.refused.workspace"),
    /** A Microsoft Entra tenant not named in {@code vdibot.teams.allowed-tenant-ids}. */
    TENANT("identity.refused.tenant"),
    /** A Bot Framework channel other than Microsoft Teams (Web Chat, the Emulator…). */
    CHANNEL("identity.refused.channel"),
    /** A guest account (Slack's restricted and ultra-restricted members). */
    GUEST("identity.refused.guest"),
    /** Someone from another organisation, e.g. through a shared channel. */
    EXTERNAL("identity.refused.external"),
    /** A deactivated account, or a bot. */
    INACTIVE("identity.refused.inactive"),
    /** An account whose e-mail address, the key to the directory, is not confirmed. */
    UNCONFIRMED_EMAIL("identity.refused.unconfirmed-email");

    private final String messageKey;

    IdentityRefusal(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The one-line explanation in the commands bundle. */
    public String messageKey() {
        return messageKey;
    }
}
