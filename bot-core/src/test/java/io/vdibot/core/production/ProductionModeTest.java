package io.vdibot.core.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.core.e2e.BotHarness;
import io.vdibot.core.e2e.BotProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Production mode refuses every embedded or unsafe default, one line naming the property each, no stack trace. */
class ProductionModeTest {

    private static MockEnvironment safe() {
        return new MockEnvironment()
                .withProperty("vdibot.mode", "production")
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.example:3306/vdibot")
                .withProperty("vdibot.directory.url", "ldaps://ldap.example")
                .withProperty("vdibot.directory.bind-password", "secret")
                .withProperty("vdibot.sites[0].url", "https://rhvm.example/ovirt-engine/api");
    }

    @Test
    void aCompleteConfigurationHasNoProblem() {
        assertThat(ProductionReadiness.problems(safe())).isEmpty();
        assertThat(ProductionMode.isOn(safe())).isTrue();
        assertThat(ProductionMode.isOn(new MockEnvironment())).isFalse();
    }

    @Test
    void eachEmbeddedDefaultIsNamedByItsProperty() {
        assertThat(ProductionReadiness.problems(new MockEnvironment())).containsExactly(
                "spring.datasource.url is not set: production does not run on the embedded MariaDB.",
                "vdibot.directory.url is not set: production does not run on the embedded demo directory.",
                "vdibot.sites[0].url is not set: production does not run on simulated sites.");
    }

    @Test
    void unsafeSettingsAreRefused() {
        MockEnvironment clear = safe().withProperty("vdibot.directory.url", "ldap://ldap.example");
        assertThat(ProductionReadiness.problems(clear)).singleElement().asString()
                .startsWith("vdibot.directory.start-tls is not true");
        assertThat(ProductionReadiness.problems(clear.withProperty("vdibot.directory.start-tls", "true"))).isEmpty();
        MockEnvironment anonymous = safe().withProperty("vdibot.directory.url", "ldap://ldap.example");
        anonymous.setProperty("vdibot.directory.bind-password", "");
        assertThat(ProductionReadiness.problems(anonymous)).as("no password, nothing in clear").isEmpty();

        assertThat(ProductionReadiness.problems(safe().withProperty("vdibot.console.enabled", "true")
                .withProperty("vdibot.console.allow-login", "true"))).singleElement().asString()
                .startsWith("vdibot.console.allow-login is true");
        assertThat(ProductionReadiness.problems(safe().withProperty("vdibot.slack.bot-token", "xoxb-1")))
                .singleElement().asString().startsWith("vdibot.slack.allowed-team-ids is not set");
        assertThat(ProductionReadiness.problems(safe().withProperty("vdibot.engine-time-scale", "0.05")))
                .singleElement().asString().startsWith("vdibot.engine-time-scale is not 1");
        assertThat(ProductionReadiness.problems(safe().withProperty("vdibot.engine-time-scale", "1.0"))).isEmpty();
        assertThat(ProductionReadiness.problems(safe().withProperty("vdibot.teams.app-id", "app")))
                .singleElement().asString().startsWith("vdibot.teams.allowed-tenant-ids is not set");
    }

    @Test
    void onCallMailWithoutStartTlsOrSslIsRefusedUnlessExplicitlyAllowed() {
        MockEnvironment plain = safe().withProperty("vdibot.mail.host", "smtp.example");
        assertThat(ProductionReadiness.problems(plain)).containsExactly("vdibot.mail.starttls is not true: on-call"
                + " mail (and any SMTP password) would cross the network in clear; set it (or vdibot.mail.ssl for a"
                + " server on port 465) to true, or vdibot.mail.allow-plaintext=true for a relay that cannot.");
        assertThat(ProductionReadiness.problems(safe().withProperty("vdibot.mail.host", "smtp.example")
                .withProperty("vdibot.mail.starttls", "true"))).isEmpty();
        assertThat(ProductionReadiness.problems(safe().withProperty("vdibot.mail.host", "smtp.example")
                .withProperty("vdibot.mail.ssl", "true"))).as("TLS from the first byte").isEmpty();
        assertThat(ProductionReadiness.problems(safe().withProperty("vdibot.mail.host", "localhost")
                .withProperty("vdibot.mail.allow-plaintext", "true"))).as("explicitly allowed").isEmpty();
        assertThat(ProductionReadiness.problems(safe().withProperty("vdibot.mail.starttls", "false")))
                .as("no mail, nothing to protect").isEmpty();
    }

    @Test
    void theBotRefusesToStartWithOneLinePerProblemAndNoStackTrace() {
        Path dir = BotHarness.newDataDir();
        try (BotProcess bot = BotProcess.launch("production", dir.resolve("logs"), List.of("-Xmx256m"),
                List.of("--vdibot.mode=production", "--vdibot.data-dir=" + dir))) {
            assertThat(bot.awaitExit(Duration.ofSeconds(90))).isNotZero();
            List<String> output = bot.allOutput();
            assertThat(output).contains(
                    "spring.datasource.url is not set: production does not run on the embedded MariaDB.",
                    "vdibot.directory.url is not set: production does not run on the embedded demo directory.",
                    "vdibot.sites[0].url is not set: production does not run on simulated sites.");
            assertThat(output).noneMatch(line -> line.matches("\\s+at [\\w.$]+\\(.*"))
                    .noneMatch(line -> line.contains("Exception"));
        }
    }

    @Test
    void aDemoStartedUnderTmpSaysWhereToKeepItsDataInOneSentence() throws Exception {
        Path logs = BotHarness.newDataDir().resolve("logs");
        Path underTmp = java.nio.file.Files.createTempDirectory("vdibot-demo-");
        try (BotProcess bot = BotProcess.launch("under-tmp", logs, List.of("-Xmx256m"),
                List.of("--vdibot.data-dir=" + underTmp, "--vdibot.console.enabled=false"))) {
            assertThat(bot.awaitExit(Duration.ofSeconds(90))).isNotZero();
            List<String> output = bot.allOutput();
            assertThat(output).anyMatch(line -> line.startsWith("The bot keeps its data in " + underTmp));
            assertThat(output).anyMatch(line -> line.startsWith("Start it with --vdibot.data-dir="));
            assertThat(output).noneMatch(line -> line.matches("\\s+at [\\w.$]+\\(.*"));
        }
    }
}
