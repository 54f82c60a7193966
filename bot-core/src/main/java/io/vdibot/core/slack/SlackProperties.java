package io.vdibot.core.slack;

import io.vdibot.core.config.Secrets;
import io.vdibot.adapters.slack.SlackAccess;
import io.vdibot.adapters.slack.SlackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vdibot.slack.*}. The adapter is on when a bot token is given, directly ({@code VDIBOT_SLACK_BOT_TOKEN} in
 * the environment) or as a file ({@code bot-token-file}, e.g. a mounted secret); the same holds for the signing
 * secret and the app-level token. Secrets are never printed: {@link #toString()} masks them.
 *
 * @param mode              {@code http} (Slack calls {@code /slack/events}) or {@code socket}
 * @param approversChannel  channel id of the approvers (the core's logical {@code approvers} channel)
 * @param oncallChannel     channel id for on-call notices; none when empty
 * @param oncallChannelLocale the language of the on-call channel; unset: {@code vdibot.oncall.locale}
 * @param apiUrl            Web API base URL, {@code https://slack.com/api/} unless GovSlack, a proxy or a test
 * @param maxBodySize       larger requests are refused unread
 * @param updateInterval    a message is edited at most once per interval
 * @param updatesPerMinute  {@code chat.update} budget for the workspace
 * @param allowedTeamIds    the workspaces ({@code T…}) or Enterprise Grid organisations ({@code E…}) served; empty
 *                          serves every workspace, which only a demo may do
 * @param allowGuests       admit Slack guests (restricted and single-channel)
 * @param allowExternal     admit people of other organisations (Slack Connect)
 * @param allowUnconfirmedEmail admit accounts whose e-mail address Slack reports as unconfirmed
 */
@ConfigurationProperties("vdibot.slack")
public record SlackProperties(
        @DefaultValue("http") String mode,
        String botToken,
        Path botTokenFile,
        String signingSecret,
        Path signingSecretFile,
        String appToken,
        Path appTokenFile,
        String approversChannel,
        String oncallChannel,
        Locale oncallChannelLocale,
        String apiUrl,
        @DefaultValue("524288") int maxBodySize,
        @DefaultValue("3s") Duration updateInterval,
        @DefaultValue("50") int updatesPerMinute,
        List<String> allowedTeamIds,
        @DefaultValue("false") boolean allowGuests,
        @DefaultValue("false") boolean allowExternal,
        @DefaultValue("false") boolean allowUnconfirmedEmail) {

    public SlackSettings toSettings(Locale locale) {
        SlackSettings.Mode parsed = switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "http" -> SlackSettings.Mode.HTTP;
            case "socket" -> SlackSettings.Mode.SOCKET;
            default -> throw new IllegalArgumentException("vdibot.slack.mode must be http or socket, not " + mode);
        };
        return new SlackSettings(parsed, Secrets.read(botToken, botTokenFile, "vdibot.slack.bot-token-file"),
                Secrets.read(signingSecret, signingSecretFile, "vdibot.slack.signing-secret-file"),
                Secrets.read(appToken, appTokenFile, "vdibot.slack.app-token-file"), approversChannel, oncallChannel, apiUrl,
                maxBodySize, updateInterval, updatesPerMinute, locale,
                new SlackAccess(allowedTeamIds == null ? Set.of() : Set.copyOf(allowedTeamIds), allowGuests,
                        allowExternal, allowUnconfirmedEmail));
    }


    @Override
    public String toString() {
        return "SlackProperties[mode=" + mode + ", botToken=" + mask(botToken) + ", botTokenFile=" + botTokenFile
                + ", signingSecret=" + mask(signingSecret) + ", signingSecretFile=" + signingSecretFile
                + ", appToken=" + mask(appToken) + ", appTokenFile=" + appTokenFile + ", approversChannel="
                + approversChannel + ", oncallChannel=" + oncallChannel + ", oncallChannelLocale=" + oncallChannelLocale + ", apiUrl=" + apiUrl + ", allowedTeamIds=" + allowedTeamIds
                + ", allowGuests=" + allowGuests + ", allowExternal=" + allowExternal + ", allowUnconfirmedEmail="
                + allowUnconfirmedEmail + "]";
    }

    private static String mask(String secret) {
        return secret == null || secret.isBlank() ? "unset" : "***";
    }
}
