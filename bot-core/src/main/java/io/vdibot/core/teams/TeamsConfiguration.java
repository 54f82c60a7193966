package io.vdibot.core.teams;

import io.vdibot.adapters.teams.ConversationStore;
import io.vdibot.adapters.teams.TeamsAdapter;
import io.vdibot.adapters.teams.TeamsSettings;
import io.vdibot.adapters.teams.TeamsThreadStore;
import io.vdibot.commands.Platform;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.spec.CommandRegistry;
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

/**
 * The Teams adapter, when {@code vdibot.teams.app-id} is set: Teams reaches the bot at {@code /api/messages} on the
 * HTTP port, and its notifier serves {@code Platform.TEAMS}. Card handles and conversation references live in MariaDB.
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
            TeamsThreadStore cards, ConversationStore references, Clock clock) {
        TeamsSettings settings = properties.toSettings(vdibot.defaultLocale());
        LOG.info("Teams adapter on: {}", settings);
        return TeamsAdapter.create(settings, pipeline, registry, inventory, cards, references, clock);
    }

    @Bean
    public ServletRegistrationBean<?> teamsMessages(TeamsAdapter adapter) {
        ServletRegistrationBean<?> registration = new ServletRegistrationBean<>(adapter.endpoint(), MESSAGES_PATH);
        registration.setName("teamsMessages");
        return registration;
    }
}
