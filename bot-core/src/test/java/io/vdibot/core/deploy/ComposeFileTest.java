package io.vdibot.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deploy/compose}: two bots pointed at the compose file's own MariaDB and OpenLDAP, with the database name,
 * user and directory root those are created with, and every secret a compose secret file, never a literal.
 */
class ComposeFileTest {

    private static final Path DIR = Path.of("..", "deploy", "compose");
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(password|secret|token|credential|key).*");
    /** Properties that hold a secret inline; the pilot must use their *-file forms. */
    private static final List<String> INLINE_SECRETS = List.of("spring.datasource.password",
            "vdibot.directory.bind-password", "vdibot.slack.bot-token", "vdibot.slack.app-token",
            "vdibot.slack.signing-secret", "vdibot.teams.app-password");

    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        compose = new Yaml().load(Files.readString(DIR.resolve("compose.yaml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String key) {
        Object value = ((Map<String, Object>) node).get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object node, String key) {
        Object value = ((Map<String, Object>) node).get(key);
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return map(services, name);
    }

    private static Map<String, Object> bots() {
        Map<String, Object> bots = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if (String.join(" ", list(service, "command")).contains("vdibot.jar")) {
                bots.put(name, service);
            }
        });
        return bots;
    }

    /** The bot configuration a bot mounts as /etc/vdibot/application.yml, as Spring reads it. */
    private static EnumerablePropertySource<?> botConfiguration(Object bot) throws IOException {
        String mount = list(bot, "volumes").stream().filter(v -> v.contains(":/etc/vdibot/application.yml"))
                .findFirst().orElseThrow(() -> new AssertionError("no /etc/vdibot/application.yml mounted"));
        Path file = DIR.resolve(mount.substring(0, mount.indexOf(':')));
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file.toString(),
                new FileSystemResource(file));
        assertThat(sources).hasSize(1);
        return (EnumerablePropertySource<?>) sources.get(0);
    }

    private static String property(EnumerablePropertySource<?> config, String name) {
        Object value = config.getProperty(name);
        return value == null ? null : value.toString();
    }

    @Test
    void twoBotsUseTheComposeDatabaseAndDirectory() throws IOException {
        Map<String, Object> bots = bots();
        assertThat(bots).hasSize(2);
        assertThat(bots.values()).extracting(bot -> ((Map<?, ?>) bot).get("hostname")).doesNotHaveDuplicates()
                .doesNotContainNull();
        Map<String, Object> mariadbEnv = map(service("mariadb"), "environment");
        Map<String, Object> ldapEnv = map(service("openldap"), "environment");
        assertThat(String.join(" ", list(service("mariadb"), "command"))).contains("--character-set-server=utf8mb4");

        for (Map.Entry<String, Object> bot : bots.entrySet()) {
            assertThat(map(bot.getValue(), "depends_on")).as(bot.getKey()).containsKeys("mariadb", "openldap");
            assertThat(map(map(bot.getValue(), "depends_on"), "mariadb")).containsEntry("condition", "service_healthy");
            EnumerablePropertySource<?> config = botConfiguration(bot.getValue());

            URI database = URI.create(property(config, "spring.datasource.url").substring("jdbc:".length()));
            assertThat(database.getScheme()).isEqualTo("mariadb");
            assertThat(database.getHost()).isEqualTo("mariadb");
            assertThat(database.getPort()).isEqualTo(3306);
            assertThat(database.getPath()).isEqualTo("/" + mariadbEnv.get("MARIADB_DATABASE"));
            assertThat(property(config, "spring.datasource.username")).isEqualTo(mariadbEnv.get("MARIADB_USER"));

            URI directory = URI.create(property(config, "vdibot.directory.url"));
            assertThat(directory.getHost()).isEqualTo("openldap");
            assertThat(String.valueOf(directory.getPort())).isEqualTo(ldapEnv.get("LDAP_PORT_NUMBER"));
            String root = (String) ldapEnv.get("LDAP_ROOT");
            assertThat(property(config, "vdibot.directory.bind-dn"))
                    .isEqualTo("cn=" + ldapEnv.get("LDAP_ADMIN_USERNAME") + "," + root);
            assertThat(property(config, "vdibot.directory.user-search-base")).endsWith("," + root);
            assertThat(property(config, "vdibot.directory.group-search-base")).endsWith("," + root);

            // the two database accounts and the directory's admin are the services' own secrets
            assertThat(property(config, "vdibot.database.password-file"))
                    .isEqualTo(mariadbEnv.get("MARIADB_PASSWORD_FILE"));
            assertThat(property(config, "vdibot.directory.bind-password-file"))
                    .isEqualTo(ldapEnv.get("LDAP_ADMIN_PASSWORD_FILE"));
        }
    }

    @Test
    void everySecretIsAComposeSecretFileAndNoneIsWrittenOut() throws IOException {
        Map<String, Object> declared = map(compose, "secrets");
        assertThat(declared).isNotEmpty();
        declared.forEach((name, secret) -> {
            assertThat(map(declared, name)).as("secret %s comes from a file", name).containsOnlyKeys("file");
            assertThat((String) map(declared, name).get("file")).startsWith("./secrets/");
        });
        assertThat(Files.readAllLines(DIR.resolve(".gitignore"), StandardCharsets.UTF_8)).contains("secrets/");

        List<String> secretFiles = new ArrayList<>();
        services.forEach((name, service) -> {
            List<String> granted = list(service, "secrets");
            assertThat(declared).as(name).containsKeys(granted.toArray(String[]::new));
            map(service, "environment").forEach((variable, value) -> {
                if (SECRET_LIKE.matcher(variable).matches()) {
                    assertThat(variable).as("%s: %s holds a secret literal", name, variable).endsWith("_FILE");
                    secretFiles.add(name + " " + value);
                    assertThat(String.valueOf(value)).as("%s: %s", name, variable)
                            .matches(v -> granted.stream().anyMatch(s -> v.equals("/run/secrets/" + s)));
                }
            });
        });
        assertThat(secretFiles).as("the database and the directory read their passwords from files").hasSize(3);

        for (Map.Entry<String, Object> bot : bots().entrySet()) {
            EnumerablePropertySource<?> config = botConfiguration(bot.getValue());
            List<String> granted = list(bot.getValue(), "secrets");
            for (String inline : INLINE_SECRETS) {
                assertThat(config.getProperty(inline)).as("%s: %s written out", bot.getKey(), inline).isNull();
            }
            List<String> names = Arrays.asList(config.getPropertyNames());
            assertThat(names).filteredOn(n -> n.matches(".*sites\\[\\d+]\\.password")).isEmpty();
            List<String> files = names.stream().filter(n -> n.endsWith("password-file") || n.endsWith("token-file")
                    || n.endsWith("secret-file")).toList();
            assertThat(files).as(bot.getKey()).hasSizeGreaterThanOrEqualTo(5);
            for (String file : files) {
                assertThat(property(config, file)).as("%s: %s", bot.getKey(), file)
                        .matches(v -> granted.stream().anyMatch(s -> v.equals("/run/secrets/" + s)));
            }
        }
    }

    @Test
    void everySettingOfThePilotIsOneTheBotBinds() throws IOException {
        BoundPropertyCatalog bound = BoundPropertyCatalog.load();
        for (Object bot : bots().values()) {
            List<String> unbound = Arrays.stream(botConfiguration(bot).getPropertyNames())
                    .filter(name -> !bound.isBound(name)).toList();
            assertThat(unbound).isEmpty();
        }
    }

    @Test
    void theFilesTheServicesMountFromTheRepositoryExist() {
        services.forEach((name, service) -> {
            for (String volume : list(service, "volumes")) {
                String source = volume.substring(0, volume.indexOf(':'));
                String path = source.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
                if (path.endsWith(".ldif") || path.endsWith(".yml")) {
                    assertThat(DIR.resolve(path)).as("%s mounts %s", name, source).isRegularFile();
                }
            }
        });
    }
}
