package io.vdibot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.core.e2e.BotHarness;
import io.vdibot.core.e2e.BotProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    void theBotRefusesToStartWithOneLineNamingThePropertyAndNoStackTrace() {
        Path data = BotHarness.newDataDir();
        Path missing = data.resolve("no-such-password");
        try (BotProcess bot = BotProcess.launch("secret-file", data.resolve("logs"), List.of("-Xmx256m"),
                List.of("--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/vdibot",
                        "--vdibot.database.password-file=" + missing, "--vdibot.data-dir=" + data,
                        "--vdibot.console.enabled=false"))) {
            assertThat(bot.awaitExit(Duration.ofSeconds(90))).isNotZero();
            List<String> output = bot.allOutput();
            assertThat(output).contains("vdibot.database.password-file: " + missing + " does not exist.");
            assertThat(output).noneMatch(line -> line.matches("\\s+at [\\w.$]+\\(.*"))
                    .noneMatch(line -> line.contains("Exception"));
        }
    }
}
