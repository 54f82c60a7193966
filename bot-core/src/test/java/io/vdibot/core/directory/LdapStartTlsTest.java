package io.vdibot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.OperationType;
import io.vdibot.rhev.simulator.tls.CertificateAuthority;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vdibot.directory.start-tls}: each connection is upgraded to TLS before the bind, trusting the configured CA
 * file; a directory certificate signed by another CA is refused (so the handshake does happen), and nothing is read.
 */
class LdapStartTlsTest {

    private static final String BIND_DN = "cn=vdibot,dc=vdibot,dc=example";
    private static final CertificateAuthority CA = CertificateAuthority.create();
    private static InMemoryDirectoryServer server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=vdibot,dc=example");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getByName("127.0.0.1"), 0, CA.serverContext().getSocketFactory()));
        config.addAdditionalBindCredentials(BIND_DN, "s3cret");
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

    private static DirectoryProperties properties() {
        return DirectoryProperties.defaults().withUrl("ldap://localhost:" + server.getListenPort())
                .withBindCredentials(BIND_DN, "s3cret");
    }

    @Test
    void startTlsWithTheDirectorysCaFindsUsers() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), CA.certificatePem(), StandardCharsets.US_ASCII);
        try (LdapDirectory directory = new LdapDirectory(properties(), new DirectoryTlsProperties(true, ca))) {
            assertThat(directory.findByUid("alice")).map(DirectoryUser::displayName).contains("Alice Martin");
        }
    }

    @Test
    void aDirectoryCertificateFromAnotherCaIsRefused() throws Exception {
        Path other = Files.writeString(dir.resolve("other.pem"), CertificateAuthority.create().certificatePem(),
                StandardCharsets.US_ASCII);
        try (LdapDirectory directory = new LdapDirectory(properties(), new DirectoryTlsProperties(true, other))) {
            assertThatThrownBy(() -> directory.findByUid("alice")).isInstanceOf(DirectoryUnavailableException.class);
        }
    }

    @Test
    void startTlsOnAnLdapsUrlIsAMistake() {
        DirectoryProperties ldaps = DirectoryProperties.defaults().withUrl("ldaps://localhost:636");
        assertThatThrownBy(() -> new LdapDirectory(ldaps, new DirectoryTlsProperties(true, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vdibot.directory.start-tls");
    }
}
