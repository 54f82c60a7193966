package io.vdibot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.core.e2e.BotHarness;
import io.vdibot.core.e2e.BotProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code vdibot.database.password-file} feeds Spring Boot's {@code spring.datasource.password}. */
class SecretFilesTest {

    @TempDir
    Path dir;

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    private static String dataSourcePassword(StandardEnvironment environment) {
        new SecretFiles().postProcessEnvironment(environment, null);
        DataSourceProperties dataSource = Binder.get(environment).bindOrCreate("spring.datasource",
                DataSourceProperties.class);
        return dataSource.getPassword();
    }

    @Test
    void theFileBecomesTheDataSourcePassword() throws IOException {
        Path file = Files.writeString(dir.resolve("db-password"), "from-file\n");
        assertThat(dataSourcePassword(environment(Map.of("vdibot.database.password-file", file.toString()))))
                .isEqualTo("from-file");
    }

    @Test
    void theFileMayBeNamedInTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("db-password"), "from-file\n");
        StandardEnvironment environment = environment(Map.of());
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("test-systemEnvironment",
                Map.of("VDIBOT_DATABASE_PASSWORDFILE", file.toString())));
        assertThat(dataSourcePassword(environment)).isEqualTo("from-file");
    }

    @Test
    void anInlinePasswordWinsAndWithoutEitherThereIsNone() throws IOException {
        Path file = Files.writeString(dir.resolve("db-password"), "from-file\n");
        assertThat(dataSourcePassword(environment(Map.of("vdibot.database.password-file", file.toString(),
                "spring.datasource.password", "inline")))).isEqualTo("inline");
        assertThat(dataSourcePassword(environment(Map.of()))).isNull();
    }

    @Test
    void aMissingFileNamesItsProperty() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> dataSourcePassword(environment(Map.of("vdibot.database.password-file",
                missing.toString())))).isInstanceOfSatisfying(SecretFileException.class, e -> assertThat(e.problems())
                        .containsExactly("vdibot.database.password-file: " + missing + " does not exist."));
    }

    @Test
    void everySecretFileThatWouldBeReadIsCheckedAtOnce() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path good = Files.writeString(dir.resolve("good"), "secret\n");
        Map<String, Object> properties = new HashMap<>();
        properties.put("vdibot.database.password-file", dir.resolve("db").toString());
        properties.put("vdibot.directory.url", "ldaps://ldap.example");
        properties.put("vdibot.directory.bind-password-file", empty.toString());
        properties.put("vdibot.sites[0].url", "https://paris.example/ovirt-engine/api");
        properties.put("vdibot.sites[0].password-file", good.toString());
        properties.put("vdibot.sites[1].url", "https://sg.example/ovirt-engine/api");
        properties.put("vdibot.sites[1].password-file", dir.resolve("sg").toString());
        properties.put("vdibot.sites[2].url", "https://ny.example/ovirt-engine/api");
        properties.put("vdibot.sites[2].password", "inline");
        properties.put("vdibot.sites[2].password-file", dir.resolve("ignored").toString());
        properties.put("vdibot.slack.bot-token-file", good.toString());
        properties.put("vdibot.slack.signing-secret-file", dir.resolve("signing").toString());
        properties.put("vdibot.teams.app-id", "app");
        properties.put("vdibot.teams.app-password-file", dir.toString());
        properties.put("vdibot.mail.host", "smtp.example");
        properties.put("vdibot.mail.password-file", dir.resolve("smtp").toString());

        assertThat(SecretFiles.problems(environment(properties))).containsExactly(
                "vdibot.database.password-file: " + dir.resolve("db") + " does not exist.",
                "vdibot.directory.bind-password-file: " + empty + " is empty.",
                "vdibot.sites[1].password-file: " + dir.resolve("sg") + " does not exist.",
                "vdibot.slack.signing-secret-file: " + dir.resolve("signing") + " does not exist.",
                "vdibot.teams.app-password-file: " + dir + " is a directory, not a file.",
                "vdibot.mail.password-file: " + dir.resolve("smtp") + " does not exist.");
    }

    @Test
    void filesTheBotWouldNotReadAreNotChecked() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("vdibot.directory.bind-password-file", dir.resolve("embedded-directory").toString());
        properties.put("vdibot.slack.bot-token-file", "");
        properties.put("vdibot.slack.signing-secret-file", dir.resolve("slack-off").toString());
        properties.put("vdibot.teams.app-password-file", dir.resolve("teams-off").toString());
        properties.put("vdibot.mail.password-file", dir.resolve("mail-off").toString());
        assertThat(SecretFiles.problems(environment(properties))).isEmpty();
    }

    @Test
    void theBotRefusesToStartWithOneLinePerFileNamingItsPropertyAndNoStackTrace() {
        Path data = BotHarness.newDataDir();
        Path missing = data.resolve("no-such-password");
        Path engine = data.resolve("no-such-engine-password");
        try (BotProcess bot = BotProcess.launch("secret-file", data.resolve("logs"), List.of("-Xmx256m"),
                List.of("--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/vdibot",
                        "--vdibot.database.password-file=" + missing, "--vdibot.data-dir=" + data,
                        "--vdibot.sites[0].name=paris", "--vdibot.sites[0].url=https://127.0.0.1:9/ovirt-engine/api",
                        "--vdibot.sites[0].password-file=" + engine, "--vdibot.console.enabled=false"))) {
            assertThat(bot.awaitExit(Duration.ofSeconds(90))).isNotZero();
            List<String> output = bot.allOutput();
            assertThat(output).contains("vdibot.database.password-file: " + missing + " does not exist.",
                    "vdibot.sites[0].password-file: " + engine + " does not exist.");
            assertThat(output).noneMatch(line -> line.matches("\\s+at [\\w.$]+\\(.*"))
                    .noneMatch(line -> line.contains("Exception"));
        }
    }
}
