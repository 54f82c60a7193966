package io.vdibot.adapters.teams.connector;

import java.util.List;
import java.util.Optional;

/**
 * The Bot Connector REST operations the adapter uses, free of any SDK type, so the archived Bot Framework SDK behind
 * {@link SdkConnectorApi} can be replaced by another client without touching the rest of the adapter.
 */
public interface ConnectorApi {

    /** Posts into the conversation (in a channel: a new thread). Returns the new activity id. */
    String send(Address to, Outgoing message) throws ConnectorException;

    /** Posts a reply to {@code replyToId} (in a channel: into its thread). Returns the new activity id. */
    String reply(Address to, String replyToId, Outgoing message) throws ConnectorException;

    /** Replaces a message the bot posted earlier. */
    void update(Address in, String activityId, Outgoing message) throws ConnectorException;

    /** One member of the conversation's roster, e.g. the author of a message, with UPN and e-mail. */
    Optional<Member> member(Address in, String userId) throws ConnectorException;

    /** Opens (or finds) the bot's personal chat with a user who has the app installed; returns its address. */
    Address openPersonalChat(String serviceUrl, String tenantId, String userId) throws ConnectorException;
}
