package io.vdibot.adapters.teams.auth;

import java.io.IOException;

/** The bearer token the bot sends with its own calls to the Bot Connector service. */
public interface AccessTokens {

    /** A token valid for at least a few more minutes; fetched again only when needed. */
    String token() throws IOException;
}
