package io.vdibot.core.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.adapters.slack.SlackAdapter;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.core.command.CommandScan;
import io.vdibot.core.production.UnsafeConfigurationException;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.persistence.task.TaskRepository;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * In production mode ({@code vdibot.mode=production}) the Slack adapter does not start without the workspaces it
 * serves, and says so in one line; a demo starts with every workspace. Only the adapter's configuration runs here,
 * with stand-ins for the core (nothing connects to them).
 */
class SlackProductionModeTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(VdibotSettings.class, SlackConfiguration.class)
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:9/unused"))
            .withBean(TaskRepository.class, () -> new TaskRepository(
                    new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:9/unused")))
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(CommandGateway.class, () -> envelope -> { })
            .withBean(CommandRegistry.class, CommandScan::registry)
            .withBean(InventoryLookup.class, NoInventory::new)
            .withBean(AccessCheck.class, () -> (identity, commandId) -> AccessCheck.Verdict.DENIED)
            .withPropertyValues("vdibot.slack.bot-token=xoxb-test", "vdibot.slack.signing-secret=secret");

    @Test
    void productionWithoutAllowedWorkspacesDoesNotStartAndSaysWhyInOneLine() {
        runner.withPropertyValues("vdibot.mode=production").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof UnsafeConfigurationException)) {
                failure = failure.getCause();
            }
            assertThat(failure).isInstanceOf(UnsafeConfigurationException.class);
            assertThat(((UnsafeConfigurationException) failure).problems()).singleElement().asString()
                    .startsWith("vdibot.slack.allowed-team-ids is required in production mode").doesNotContain("\n");
        });
    }

    @Test
    void productionWithAllowedWorkspacesStarts() {
        runner.withPropertyValues("vdibot.mode=production", "vdibot.slack.allowed-team-ids=T0001,E0ORG")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SlackAdapter.class).settings().access().allowedTeamIds())
                            .containsExactlyInAnyOrder("T0001", "E0ORG");
                });
    }

    @Test
    void aDemoStartsWithoutThemAndTheUserSettingsAreRead() {
        runner.withPropertyValues("vdibot.slack.allow-guests=true", "vdibot.slack.allow-unconfirmed-email=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var access = context.getBean(SlackAdapter.class).settings().access();
                    assertThat(access.allowedTeamIds()).isEmpty();
                    assertThat(access.allowGuests()).isTrue();
                    assertThat(access.allowExternal()).isFalse();
                    assertThat(access.allowUnconfirmedEmail()).isTrue();
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(VdibotProperties.class)
    static class VdibotSettings {
    }

    private static final class NoInventory implements InventoryLookup {
        @Override
        public List<String> sites() {
            return List.of();
        }

        @Override
        public List<String> names(String site, InventoryKind kind, String prefix, int limit) {
            return List.of();
        }
    }
}
