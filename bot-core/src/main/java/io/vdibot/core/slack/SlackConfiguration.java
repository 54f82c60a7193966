package io.vdibot.core.slack;

import io.vdibot.adapters.slack.SlackAdapter;
import io.vdibot.adapters.slack.SlackSettings;
import io.vdibot.adapters.slack.SlackThreadStore;
import io.vdibot.commands.Platform;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.core.production.ProductionMode;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.persistence.thread.ThreadMessageRepository;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The Slack adapter, when {@code vdibot.slack.bot-token} (or {@code bot-token-file}) is set: its notifier serves
 * {@code Platform.SLACK}, and Slack reaches the bot at {@code /slack/events} on the HTTP port (HTTP mode) or through
 * the Socket Mode connection the bot opens ({@code vdibot.slack.mode=socket}). In production mode
 * ({@code vdibot.mode=production}) it does not start without {@code vdibot.slack.allowed-team-ids}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackEnabled.class)
@EnableConfigurationProperties(SlackProperties.class)
public class SlackConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConfiguration.class);
    public static final String EVENTS_PATH = "/slack/events";

    @Bean
    public SlackThreadStore slackThreadStore(DataSource dataSource, Clock clock, TaskRepository tasks) {
        return new DatabaseSlackThreadStore(new ThreadMessageRepository(dataSource, clock), tasks);
    }

    /**
     * The pipeline is looked up lazily: the adapter must exist (and serve the notifiers) before the scheduler
     * starts, while the pipeline is only needed once Slack sends something.
     */
    @Bean(destroyMethod = "close")
    public SlackAdapter slackAdapter(SlackProperties properties, VdibotProperties vdibot,
            @Lazy CommandGateway pipeline, CommandRegistry registry, @Lazy InventoryLookup inventory,
            AccessCheck access, SlackThreadStore store, Clock clock, Environment environment) {
        SlackSettings settings = properties.toSettings(vdibot.defaultLocale());
        ProductionMode.require(environment, settings.productionProblems());
        LOG.info("Slack adapter on: {}", settings);
        if (settings.access().allowedTeamIds().isEmpty()) {
            LOG.warn("vdibot.slack.allowed-team-ids is empty: requests from every Slack workspace are accepted, as"
                    + " befits a demo only");
        }
        if (settings.approversChannel() == null) {
            LOG.warn("vdibot.slack.approvers-channel is not set: requests made in Slack that need an approver will"
                    + " wait without anyone being asked");
        }
        return SlackAdapter.create(settings, pipeline, registry, inventory, access, store, clock);
    }

    @Bean
    @Conditional(HttpMode.class)
    public ServletRegistrationBean<?> slackEvents(SlackAdapter adapter) {
        ServletRegistrationBean<?> registration = new ServletRegistrationBean<>(adapter.servlet(), EVENTS_PATH);
        registration.setName("slackEvents");
        return registration;
    }

    static final class HttpMode implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return SlackEnabled.needsWebServer(context.getEnvironment());
        }
    }

}
