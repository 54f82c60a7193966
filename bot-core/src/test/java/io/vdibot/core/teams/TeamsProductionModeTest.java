package io.vdibot.core.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.adapters.teams.TeamsAdapter;
import io.vdibot.adapters.teams.TeamsSettings;
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
 * In production mode ({@code vdibot.mode=production}) the Teams adapter does not start without the tenants it
 * serves, and says so in one line; the sovereign-cloud settings reach the adapter. Only the adapter's configuration
 * runs here, with stand-ins for the core (nothing connects to them).
 */
class TeamsProductionModeTest {

    private static final String TENANT = "72f988bf-0000-4000-8000-2d7cd011db47";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(VdibotSettings.class, TeamsConfiguration.class)
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:9/unused"))
            .withBean(TaskRepository.class, () -> new TaskRepository(
                    new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:9/unused")))
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(CommandGateway.class, () -> envelope -> { })
            .withBean(CommandRegistry.class, CommandScan::registry)
            .withBean(InventoryLookup.class, NoInventory::new)
            .withBean(AccessCheck.class, () -> (identity, commandId) -> AccessCheck.Verdict.DENIED)
            .withPropertyValues("vdibot.teams.app-id=vdibot-app-id", "vdibot.teams.app-password=not-a-secret");

    @Test
    void productionWithoutAllowedTenantsDoesNotStartAndSaysWhyInOneLine() {
        runner.withPropertyValues("vdibot.mode=production").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof UnsafeConfigurationException)) {
                failure = failure.getCause();
            }
            assertThat(failure).isInstanceOf(UnsafeConfigurationException.class);
            assertThat(((UnsafeConfigurationException) failure).problems()).singleElement().asString()
                    .startsWith("vdibot.teams.allowed-tenant-ids is required in production mode").doesNotContain("\n");
        });
    }

    @Test
    void productionWithAllowedTenantsStartsWithTheCloudItIsGiven() {
        runner.withPropertyValues("vdibot.mode=production", "vdibot.teams.allowed-tenant-ids=" + TENANT,
                "vdibot.teams.token-issuer=https://api.botframework.us",
                "vdibot.teams.oauth-scope=https://api.botframework.us/.default",
                "vdibot.teams.openid-metadata-url="
                        + "https://login.botframework.azure.us/v1/.well-known/openidconfiguration")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TeamsSettings settings = context.getBean(TeamsAdapter.class).settings();
                    assertThat(settings.allowedTenantIds()).containsExactly(TENANT);
                    assertThat(settings.tokenIssuer()).isEqualTo("https://api.botframework.us");
                    assertThat(settings.oauthScope()).isEqualTo("https://api.botframework.us/.default");
                    assertThat(settings.openIdMetadataUrl()).contains("botframework.azure.us");
                });
    }

    @Test
    void aDemoStartsWithoutThemOnThePublicCloud() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            TeamsSettings settings = context.getBean(TeamsAdapter.class).settings();
            assertThat(settings.allowedTenantIds()).isEmpty();
            assertThat(settings.tokenIssuer()).isEqualTo("https://api.botframework.com");
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
