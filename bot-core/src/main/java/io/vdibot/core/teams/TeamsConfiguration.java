package io.vdibot.core.teams;

import io.vdibot.adapters.teams.ConversationStore;
import io.vdibot.adapters.teams.TeamsAdapter;
import io.vdibot.adapters.teams.TeamsSettings;
import io.vdibot.adapters.teams.TeamsThreadStore;
import io.vdibot.commands.Platform;
import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.core.production.ProductionMode;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.persistence.conversation.ConversationRefRepository;
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
 * The Teams adapter, when {@code vdibot.teams.app-id} is set: Teams reaches the bot at {@code /api/messages} on the
 * HTTP port, and its notifier serves {@code Platform.TEAMS}. Card handles and conversation references live in MariaDB.
 * In production mode ({@code vdibot.mode=production}) it does not start without
 * {@code vdibot.teams.allowed-tenant-ids}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TeamsEnabled.class)
@EnableConfigurationProperties(TeamsProperties.class)
public class TeamsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsConfiguration.class);
    public static final String MESSAGES_PATH = "/api/messages";

    @Bean
    public TeamsThreadStore teamsThreadStore(DataSource dataSource, Clock clock, TaskRepository tasks) {
        return new DatabaseTeamsThreadStore(new ThreadMessageRepository(dataSource, clock), tasks);
    }

    @Bean
    public ConversationStore teamsConversationStore(DataSource dataSource, Clock clock) {
        return new DatabaseConversationStore(new ConversationRefRepository(dataSource, clock));
    }

    /**
     * The pipeline is looked up lazily: the adapter must exist (and serve the notifiers) before the scheduler
     * starts, while the pipeline is only needed once Teams sends something.
     */
    @Bean(destroyMethod = "close")
    public TeamsAdapter teamsAdapter(TeamsProperties properties, VdibotProperties vdibot,
            @Lazy CommandGateway pipeline, CommandRegistry registry, @Lazy InventoryLookup inventory,
            AccessCheck access, TeamsThreadStore cards, ConversationStore references, Clock clock,
            Environment environment) {
        TeamsSettings settings = properties.toSettings(vdibot.defaultLocale());
        ProductionMode.require(environment, settings.productionProblems());
        LOG.info("Teams adapter on: {}", settings);
        if (settings.allowedTenantIds().isEmpty()) {
            LOG.warn("vdibot.teams.allowed-tenant-ids is empty: activities from every Microsoft Entra tenant are"
                    + " accepted, as befits a demo only");
        }
        return TeamsAdapter.create(settings, pipeline, registry, inventory, access, cards, references, clock);
    }

    @Bean
    public ServletRegistrationBean<?> teamsMessages(TeamsAdapter adapter) {
        ServletRegistrationBean<?> registration = new ServletRegistrationBean<>(adapter.endpoint(), MESSAGES_PATH);
        registration.setName("teamsMessages");
        return registration;
    }
}
