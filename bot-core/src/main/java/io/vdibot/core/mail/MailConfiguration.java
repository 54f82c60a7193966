package io.vdibot.core.mail;

import io.vdibot.core.directory.Directory;
import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.core.permission.Roles;
import java.util.List;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * On-call mail, when {@code vdibot.mail.host} is set: on-call notices also go to the mail address of each group
 * holding the on-call role (its members' addresses when the group has none). In production mode
 * ({@code vdibot.mode=production}) the bot does not start with a server reached without STARTTLS unless
 * {@code vdibot.mail.allow-plaintext} says so.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MailEnabled.class)
@EnableConfigurationProperties(MailProperties.class)
public class MailConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean(destroyMethod = "close")
    public OnCallMail onCallMail(MailProperties properties, Directory directory, PermissionPolicy permissions) {
        List<String> groups = permissions.groupsHolding(Roles.ONCALL);
        LOG.info("On-call notices are also mailed through {}:{}{} from {} to the groups {}", properties.host(),
                properties.port(), properties.starttls() ? " with STARTTLS" : properties.ssl() ? " over SSL" : "",
                properties.from(), groups);
        if (!properties.encrypted()) {
            LOG.warn("neither vdibot.mail.starttls nor vdibot.mail.ssl is true: {} the network in clear (production"
                    + " mode refuses this unless vdibot.mail.allow-plaintext=true)", properties.username() != null
                            ? "on-call mail and the SMTP password cross" : "on-call mail crosses");
        }
        if (groups.isEmpty()) {
            LOG.warn("No group holds the role {} (vdibot.permissions.group-roles): on-call mail has no recipient",
                    Roles.ONCALL);
        }
        return new OnCallMail(new SmtpMailer(properties), directory, groups, Executors.newSingleThreadExecutor(
                runnable -> {
                    Thread thread = new Thread(runnable, "oncall-mail");
                    thread.setDaemon(true);
                    return thread;
                }));
    }
}
