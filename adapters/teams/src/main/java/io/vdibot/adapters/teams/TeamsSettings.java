package io.vdibot.adapters.teams;

import io.vdibot.adapters.teams.auth.ClientCertificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Teams adapter needs to run. Secrets are never printed: {@link #toString()} masks the password.
 *
 * @param appId              the bot's Microsoft App ID: the audience of incoming tokens, the client of outgoing ones
 * @param appPassword        the app's client secret; {@code null} when a certificate is used
 * @param certificate        the app's certificate; {@code null} when a password is used
 * @param tenantId           the tenant of a single-tenant bot ({@code null}: multi-tenant)
 * @param openIdMetadataUrl  where the channel service's signing keys are announced
 * @param oauthEndpoint      the token endpoint for the bot's own calls
 * @param approversChannel   conversation id of the approvers' channel ({@code 19:…@thread.tacv2})
 * @param onCall             on-call targets: channel conversation ids, AAD object ids or UPNs of people
 * @param serviceUrl         the channel service to use when nothing stored names one (proactive first contact)
 * @param updateInterval     a card is edited at most once per interval
 * @param invokeWait         how long a card click waits for the core's answer before Teams gets a provisional card
 * @param maxBodyBytes       larger requests are refused unread
 * @param tokenIssuer        the {@code iss} of the channel service's tokens (differs in sovereign clouds)
 * @param oauthScope         the scope of the bot's own tokens for the Connector (differs in sovereign clouds)
 * @param allowedTenantIds   the Microsoft Entra tenants whose activities are served, lower case; empty serves every
 *                           tenant, which only a demo should do
 */
public record TeamsSettings(String appId, String appPassword, ClientCertificate certificate, String tenantId,
                            String openIdMetadataUrl, String oauthEndpoint, String approversChannel,
                            List<String> onCall, String serviceUrl, Duration updateInterval, Duration invokeWait,
                            int maxBodyBytes, Locale locale, String tokenIssuer, String oauthScope,
                            Set<String> allowedTenantIds) {

    public static final String PUBLIC_OPENID_METADATA =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public static final String PUBLIC_SERVICE_URL = "https://smba.trafficmanager.net/teams/";
    public static final String PUBLIC_TOKEN_ISSUER = "https://api.botframework.com";
    public static final String PUBLIC_OAUTH_SCOPE = "https://api.botframework.com/.default";
    static final String ALLOWED_TENANT_IDS = "vdibot.teams.allowed-tenant-ids";

    public TeamsSettings {
        Objects.requireNonNull(appId, "appId");
        if (appId.isBlank()) {
            throw new IllegalArgumentException("vdibot.teams.app-id is empty");
        }
        if ((appPassword == null || appPassword.isBlank()) == (certificate == null)) {
            throw new IllegalArgumentException(
                    "set vdibot.teams.app-password or the certificate (vdibot.teams.certificate-file and "
                            + "vdibot.teams.private-key-file), exactly one of them");
        }
        openIdMetadataUrl = orDefault(openIdMetadataUrl, PUBLIC_OPENID_METADATA);
        oauthEndpoint = orDefault(oauthEndpoint, "https://login.microsoftonline.com/"
                + (tenantId == null || tenantId.isBlank() ? "botframework.com" : tenantId) + "/oauth2/v2.0/token");
        onCall = onCall == null ? List.of() : onCall.stream().filter(s -> s != null && !s.isBlank())
                .map(String::trim).toList();
        serviceUrl = orDefault(serviceUrl, PUBLIC_SERVICE_URL);
        updateInterval = updateInterval == null ? Duration.ofSeconds(2) : updateInterval;
        invokeWait = invokeWait == null ? Duration.ofSeconds(4) : invokeWait;
        maxBodyBytes = maxBodyBytes <= 0 ? 262_144 : maxBodyBytes;
        locale = locale == null ? Locale.ENGLISH : locale;
        tokenIssuer = orDefault(tokenIssuer, PUBLIC_TOKEN_ISSUER);
        oauthScope = orDefault(oauthScope, PUBLIC_OAUTH_SCOPE);
        allowedTenantIds = allowedTenantIds == null ? Set.of() : allowedTenantIds.stream()
                .filter(id -> id != null && !id.isBlank())
                // tenant ids are GUIDs, which Teams may send in either case
                .map(id -> id.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether activities from {@code tenantId} are served: a named tenant, or any when none is named. */
    public boolean servesTenant(String tenantId) {
        return allowedTenantIds.isEmpty()
                || (tenantId != null && allowedTenantIds.contains(tenantId.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * What production mode requires and these settings lack, one line each naming its property; empty when they
     * are complete. A demo may run without them.
     */
    public List<String> productionProblems() {
        return allowedTenantIds.isEmpty()
                ? List.of(ALLOWED_TENANT_IDS + " is required in production mode: name the Microsoft Entra tenant "
                        + "id(s) whose Teams users the bot serves")
                : List.of();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", appPassword=" + (appPassword == null ? "unset" : "***")
                + ", certificate=" + certificate + ", tenantId=" + tenantId + ", openIdMetadataUrl="
                + openIdMetadataUrl + ", oauthEndpoint=" + oauthEndpoint + ", approversChannel=" + approversChannel
                + ", onCall=" + onCall + ", serviceUrl=" + serviceUrl + ", updateInterval=" + updateInterval
                + ", tokenIssuer=" + tokenIssuer + ", oauthScope=" + oauthScope + ", allowedTenantIds="
                + allowedTenantIds + "]";
    }
}
