package io.vdibot.adapters.teams.auth;

/**
 * Proves that an incoming activity was sent by the Bot Framework channel service for this bot. Implementations check
 * everything the Bot Framework's authentication spec lists; a request that fails any check runs nothing.
 */
public interface BotTokenValidator {

    /**
     * @param authorization the request's {@code Authorization} header, {@code null} when absent
     * @param serviceUrl    the activity's {@code serviceUrl}, which the token's {@code serviceurl} claim must name
     * @param channelId     the activity's {@code channelId} ({@code msteams}), which the signing key must endorse
     * @return the claims that matter afterwards
     */
    ValidatedToken validate(String authorization, String serviceUrl, String channelId) throws TokenRefusedException;

    /** What a valid token says. */
    record ValidatedToken(String appId, String serviceUrl) {
    }
}
