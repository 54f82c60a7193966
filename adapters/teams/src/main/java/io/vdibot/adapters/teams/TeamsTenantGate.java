package io.vdibot.adapters.teams;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.IdentityRefusal;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through only Microsoft Teams activities from the tenants the bot serves, after the token check and before any
 * handler: a valid token proves the Bot Framework sent the activity, not that it comes from Teams (the same service
 * signs Web Chat, the Emulator's channel and others) nor from our organisation (the app can be installed in any
 * tenant). The tenant is read from Teams' {@code channelData.tenant.id} and the Bot Framework's
 * {@code conversation.tenantId}; when both are present they must agree. A refused activity gets 200, so the channel
 * does not resend it, with nothing run and nothing sent; a card click gets its one line back in the invoke answer.
 */
final class TeamsTenantGate {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsTenantGate.class);
    static final String TEAMS_CHANNEL = "msteams";

    private final TeamsSettings settings;

    TeamsTenantGate(TeamsSettings settings) {
        this.settings = settings;
    }

    /** The answer to an activity the bot does not serve; empty when it does. */
    Optional<Answer> refusal(InboundActivity activity) {
        Optional<IdentityRefusal> refusal = judge(activity);
        if (refusal.isEmpty()) {
            return Optional.empty();
        }
        LOG.warn("refused a Teams {} activity from channel {}, tenant {} (conversation says {}): {}", activity.type(),
                activity.channelId(), activity.channelDataTenantId(), activity.conversationTenantId(),
                refusal.get());
        if (!"invoke".equals(activity.type())) {
            return Optional.of(Answer.OK);
        }
        Locale locale = TeamsHandOver.locale(activity);
        String line = Messages.forLocale(locale != null ? locale : settings.locale())
                .format(refusal.get().messageKey());
        return Optional.of(Answer.message(line));
    }

    private Optional<IdentityRefusal> judge(InboundActivity activity) {
        if (!TEAMS_CHANNEL.equals(activity.channelId())) {
            return Optional.of(IdentityRefusal.CHANNEL);
        }
        if (settings.allowedTenantIds().isEmpty()) {
            return Optional.empty();
        }
        String fromChannelData = activity.channelDataTenantId();
        String fromConversation = activity.conversationTenantId();
        if (fromChannelData != null && fromConversation != null
                && !fromChannelData.trim().equalsIgnoreCase(fromConversation.trim())) {
            return Optional.of(IdentityRefusal.TENANT);
        }
        return settings.servesTenant(fromChannelData != null ? fromChannelData : fromConversation)
                ? Optional.empty() : Optional.of(IdentityRefusal.TENANT);
    }
}
