package io.vdibot.adapters.slack;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the adapter needs to know about its Slack app. Tokens and the signing secret are secrets: they never appear
 * in {@link #toString()} and are never logged.
 *
 * @param mode              {@link Mode#HTTP} (Slack calls {@code /slack/events}) or {@link Mode#SOCKET}
 * @param botToken          the {@code xoxb-} token every Web API call uses
 * @param signingSecret     verifies HTTP requests; not needed in Socket Mode
 * @param appToken          the {@code xapp-} token that opens Socket Mode connections
 * @param approversChannel  the channel id that stands for the core's logical approvers' channel
 * @param onCallChannel     where on-call notices go; {@code null} sends none through Slack
 * @param apiUrl            Web API base URL ending in {@code /}, e.g. {@code https://slack.com/api/}; GovSlack,
 *                          Enterprise Grid proxies and tests point it elsewhere
 * @param maxBodyBytes      larger HTTP requests are refused before their signature is even computed
 * @param updateInterval    a message is edited at most once per interval; edits in between are coalesced
 * @param updatesPerMinute  {@code chat.update} calls per minute for the whole workspace (Tier 3 allows 50)
 * @param locale            language of the adapter's own words where the user's is unknown
 * @param access            the workspaces served and the accounts admitted
 */
public record SlackSettings(Mode mode, String botToken, String signingSecret, String appToken,
                            String approversChannel, String onCallChannel, String apiUrl, int maxBodyBytes,
                            Duration updateInterval, int updatesPerMinute, Locale locale, SlackAccess access) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    public static final int DEFAULT_MAX_BODY_BYTES = 512 * 1024;

    public enum Mode {
        HTTP,
        SOCKET
    }

    public SlackSettings {
        Objects.requireNonNull(mode, "mode");
        if (isBlank(botToken)) {
            throw new IllegalArgumentException("vdibot.slack.bot-token is required");
        }
        if (mode == Mode.HTTP && isBlank(signingSecret)) {
            throw new IllegalArgumentException("vdibot.slack.signing-secret is required in HTTP mode");
        }
        if (mode == Mode.SOCKET && isBlank(appToken)) {
            throw new IllegalArgumentException("vdibot.slack.app-token is required in Socket Mode");
        }
        apiUrl = isBlank(apiUrl) ? DEFAULT_API_URL : (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("the body size limit must be positive");
        }
        Objects.requireNonNull(updateInterval, "updateInterval");
        if (updatesPerMinute <= 0) {
            throw new IllegalArgumentException("updates per minute must be positive");
        }
        locale = locale == null ? Locale.ENGLISH : locale;
        access = access == null ? SlackAccess.anyWorkspace() : access;
        approversChannel = blankToNull(approversChannel);
        onCallChannel = blankToNull(onCallChannel);
    }

    /** Settings with the defaults for everything but the credentials and channels; every workspace is served. */
    public static SlackSettings of(Mode mode, String botToken, String signingSecret, String appToken,
                                   String approversChannel, String onCallChannel) {
        return new SlackSettings(mode, botToken, signingSecret, appToken, approversChannel, onCallChannel, null,
                DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(3), 50, Locale.ENGLISH, SlackAccess.anyWorkspace());
    }

    public SlackSettings withApiUrl(String url) {
        return new SlackSettings(mode, botToken, signingSecret, appToken, approversChannel, onCallChannel, url,
                maxBodyBytes, updateInterval, updatesPerMinute, locale, access);
    }

    public SlackSettings withUpdatePacing(Duration interval, int perMinute) {
        return new SlackSettings(mode, botToken, signingSecret, appToken, approversChannel, onCallChannel, apiUrl,
                maxBodyBytes, interval, perMinute, locale, access);
    }

    public SlackSettings withMaxBodyBytes(int bytes) {
        return new SlackSettings(mode, botToken, signingSecret, appToken, approversChannel, onCallChannel, apiUrl,
                bytes, updateInterval, updatesPerMinute, locale, access);
    }

    public SlackSettings withLocale(Locale language) {
        return new SlackSettings(mode, botToken, signingSecret, appToken, approversChannel, onCallChannel, apiUrl,
                maxBodyBytes, updateInterval, updatesPerMinute, language, access);
    }

    public SlackSettings withAccess(SlackAccess rules) {
        return new SlackSettings(mode, botToken, signingSecret, appToken, approversChannel, onCallChannel, apiUrl,
                maxBodyBytes, updateInterval, updatesPerMinute, locale, rules);
    }

    /**
     * What production mode requires and these settings lack, one line each naming its property; empty when they
     * are complete. A demo may run without them.
     */
    public List<String> productionProblems() {
        return access.productionProblems();
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode + ", botToken=" + mask(botToken) + ", signingSecret="
                + mask(signingSecret) + ", appToken=" + mask(appToken) + ", approversChannel=" + approversChannel
                + ", onCallChannel=" + onCallChannel + ", apiUrl=" + apiUrl + ", maxBodyBytes=" + maxBodyBytes
                + ", updateInterval=" + updateInterval + ", updatesPerMinute=" + updatesPerMinute + ", locale="
                + locale + ", access=" + access + "]";
    }

    private static String mask(String secret) {
        return isBlank(secret) ? "unset" : "***";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }
}
