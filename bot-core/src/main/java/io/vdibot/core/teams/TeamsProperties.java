package io.vdibot.core.teams;

import io.vdibot.core.config.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.vdibot.adapters.teams.TeamsSettings;
import io.vdibot.adapters.teams.auth.ClientCertificate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vdibot.teams.*}. The adapter is on when {@code app-id} is set. The app password comes directly
 * ({@code VDIBOT_TEAMS_APP_PASSWORD}) or from a file ({@code app-password-file}, e.g. a mounted secret); a certificate
 * (PEM certificate and unencrypted PKCS#8 key) replaces it. Secrets are never printed: {@link #toString()} masks them.
 *
 * @param openidMetadataUrl where the channel service's signing keys are announced (differs in sovereign clouds)
 * @param oauthEndpoint     the token endpoint for the bot's own calls (differs in sovereign clouds)
 * @param approversChannel  conversation id of the approvers' channel (the core's logical {@code approvers} channel)
 * @param oncall            on-call targets: channel conversation ids, AAD object ids or UPNs
 * @param oncallLocale      the language of the on-call targets; unset: {@code vdibot.oncall.locale}
 * @param serviceUrl        the channel service for a first proactive message when nothing stored names one
 * @param tokenIssuer       the issuer of the channel service's tokens (differs in sovereign clouds)
 * @param oauthScope        the scope of the bot's own tokens (differs in sovereign clouds)
 * @param allowedTenantIds  the Microsoft Entra tenants served; empty serves every tenant, which only a demo may do
 */
@ConfigurationProperties("vdibot.teams")
public record TeamsProperties(
        String appId,
        String appPassword,
        Path appPasswordFile,
        Path certificateFile,
        Path privateKeyFile,
        String tenantId,
        String openidMetadataUrl,
        String oauthEndpoint,
        String approversChannel,
        List<String> oncall,
        Locale oncallLocale,
        String serviceUrl,
        @DefaultValue("2s") Duration updateInterval,
        @DefaultValue("4s") Duration invokeWait,
        @DefaultValue("262144") int maxBodySize,
        String tokenIssuer,
        String oauthScope,
        List<String> allowedTenantIds) {

    public TeamsSettings toSettings(Locale locale) {
        String password = Secrets.read(appPassword, appPasswordFile, "vdibot.teams.app-password-file");
        ClientCertificate certificate = null;
        if (certificateFile != null || privateKeyFile != null) {
            if (certificateFile == null || privateKeyFile == null) {
                throw new IllegalArgumentException(
                        "vdibot.teams.certificate-file and vdibot.teams.private-key-file go together");
            }
            try {
                certificate = ClientCertificate.fromPem(certificateFile, privateKeyFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TeamsSettings(appId.trim(), password, certificate, blankToNull(tenantId), openidMetadataUrl,
                oauthEndpoint, blankToNull(approversChannel), oncall, serviceUrl, updateInterval, invokeWait,
                maxBodySize, locale, tokenIssuer, oauthScope,
                allowedTenantIds == null ? Set.of() : Set.copyOf(allowedTenantIds));
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "TeamsProperties[appId=" + appId + ", appPassword="
                + (appPassword == null || appPassword.isBlank() ? "unset" : "***") + ", appPasswordFile="
                + appPasswordFile + ", certificateFile=" + certificateFile + ", tenantId=" + tenantId
                + ", openidMetadataUrl=" + openidMetadataUrl + ", oauthEndpoint=" + oauthEndpoint
                + ", approversChannel=" + approversChannel + ", oncall=" + oncall + ", oncallLocale=" + oncallLocale + ", tokenIssuer=" + tokenIssuer
                + ", oauthScope=" + oauthScope + ", allowedTenantIds=" + allowedTenantIds + "]";
    }
}
