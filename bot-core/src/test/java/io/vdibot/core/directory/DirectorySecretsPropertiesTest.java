package io.vdibot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.OperationType;
import io.vdibot.core.config.SecretFileException;
import io.vdibot.core.infra.DirectoryConfiguration;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code vdibot.directory.bind-password-file}: the bot binds with the password the file holds, as the configuration
 * binds it, against a directory that refuses anonymous searches.
 */
class DirectorySecretsPropertiesTest {

    private static final String BIND_DN = "cn=vdibot,dc=vdibot,dc=example";
    private static InMemoryDirectoryServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=vdibot,dc=example");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"),
                0, null));
        config.addAdditionalBindCredentials(BIND_DN, "from-the-file");
        config.setAuthenticationRequiredOperationTypes(OperationType.SEARCH, OperationType.COMPARE);
        server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=vdibot,dc=example", "objectClass: top", "objectClass: domain", "dc: vdibot");
        server.add("dn: ou=people,dc=vdibot,dc=example", "objectClass: top", "objectClass: organizationalUnit",
                "ou: people");
        server.add("dn: ou=groups,dc=vdibot,dc=example", "objectClass: top", "objectClass: organizationalUnit",
                "ou: groups");
        server.add("dn: uid=alice,ou=people,dc=vdibot,dc=example", "objectClass: top", "objectClass: person",
                "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: alice", "cn: Alice Martin",
                "sn: Martin", "mail: alice@vdibot.example");
        server.startListening();
    }

    @AfterAll
    static void stop() {
        server.shutDown(true);
    }

    private static LdapDirectory directory(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("vdibot.directory.url", "ldap://127.0.0.1:" + server.getListenPort());
        all.put("vdibot.directory.bind-dn", BIND_DN);
        Binder binder = new Binder(new MapConfigurationPropertySource(all));
        return new DirectoryConfiguration().ldapDirectory(
                binder.bindOrCreate("vdibot.directory", DirectoryProperties.class),
                binder.bindOrCreate("vdibot.directory", DirectoryTlsProperties.class),
                binder.bindOrCreate("vdibot.directory", DirectorySecretsProperties.class));
    }

    @Test
    void theBindPasswordComesFromTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("bind-password"), "from-the-file\n");
        try (LdapDirectory directory = directory(Map.of("vdibot.directory.bind-password-file", file.toString()))) {
            assertThat(directory.findByUid("alice")).map(DirectoryUser::displayName).contains("Alice Martin");
        }
    }

    @Test
    void anInlinePasswordWinsOverTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("bind-password"), "stale\n");
        try (LdapDirectory directory = directory(Map.of("vdibot.directory.bind-password", "from-the-file",
                "vdibot.directory.bind-password-file", file.toString()))) {
            assertThat(directory.findByUid("alice")).isPresent();
        }
    }

    @Test
    void withoutTheFilesPasswordTheSearchIsRefused() throws Exception {
        try (LdapDirectory directory = directory(Map.of())) {
            assertThatThrownBy(() -> directory.findByUid("alice")).isInstanceOf(DirectoryUnavailableException.class);
        }
    }

    @Test
    void aMissingFileNamesItsProperty() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> directory(Map.of("vdibot.directory.bind-password-file", missing.toString())))
                .isInstanceOfSatisfying(SecretFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "vdibot.directory.bind-password-file: " + missing + " does not exist."));
    }
}
