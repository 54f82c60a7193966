package io.vdibot.embedded.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchScope;

class EmbeddedLdapServerTest {

    /** The demo directory's service account (deploy/demo/directory.ldif). */
    private static final String BIND_DN = "cn=vdibot,ou=services,dc=vdibot,dc=example";
    private static final String BIND_PASSWORD = "demo-bind-s3cret";


    private static final String TINY_LDIF = """
            dn: dc=tiny,dc=test
            objectClass: top
            objectClass: domain
            dc: tiny

            dn: uid=zoe,dc=tiny,dc=test
            objectClass: top
            objectClass: person
            objectClass: organizationalPerson
            objectClass: inetOrgPerson
            objectClass: vdiUser
            uid: zoe
            cn: Zoe
            sn: Zoe
            vdiTimeZone: Europe/Berlin
            """;

    @Test
    void demoListensOnLoopbackFreePortAndServesTheDemoSuffix() throws LDAPException {
        try (EmbeddedLdapServer server = EmbeddedLdapServer.start(EmbeddedLdapServer.Settings.demo())) {
            assertThat(server.port()).isPositive();
            assertThat(server.url()).isEqualTo("ldap://127.0.0.1:" + server.port());
            assertThat(server.baseDns()).containsExactly("dc=vdibot,dc=example");
            try (LDAPConnection connection = connect(server)) {
                assertThat(connection.search("ou=people,dc=vdibot,dc=example", SearchScope.ONE, "(objectClass=person)")
                        .getEntryCount()).isEqualTo(6);
            }
        }
    }

    @Test
    void bindCredentialsMakeAnonymousReadsFail() throws LDAPException {
        try (EmbeddedLdapServer server = EmbeddedLdapServer.start(EmbeddedLdapServer.Settings.demo().withBindCredentials(BIND_DN, BIND_PASSWORD));
                LDAPConnection connection = connect(server)) {
            assertThatThrownBy(() -> connection.search("dc=vdibot,dc=example", SearchScope.SUB, "(uid=alice)"))
                    .isInstanceOf(LDAPException.class);
            connection.bind(BIND_DN, BIND_PASSWORD);
            assertThat(connection.search("dc=vdibot,dc=example", SearchScope.SUB, "(uid=alice)").getEntryCount())
                    .isEqualTo(1);
        }
    }

    @Test
    void loadsAnLdifFileWithTheVdiSchema(@TempDir Path dir) throws IOException, LDAPException {
        Path ldif = Files.writeString(dir.resolve("tiny.ldif"), TINY_LDIF);
        try (EmbeddedLdapServer server = EmbeddedLdapServer.start(EmbeddedLdapServer.Settings.demo()
                .withLdif(ldif.toString(), List.of(EmbeddedLdapServer.DEMO_SCHEMA)));
                LDAPConnection connection = connect(server)) {
            assertThat(server.baseDns()).containsExactly("dc=tiny,dc=test");
            assertThat(connection.getEntry("uid=zoe,dc=tiny,dc=test").getAttributeValue("vdiTimeZone"))
                    .isEqualTo("Europe/Berlin");
        }
    }

    @Test
    void schemaIsEnforcedSoCustomAttributesNeedTheSchemaLdif(@TempDir Path dir) throws IOException {
        Path ldif = Files.writeString(dir.resolve("tiny.ldif"), TINY_LDIF);
        EmbeddedLdapServer.Settings withoutSchema = EmbeddedLdapServer.Settings.demo()
                .withLdif("file:" + ldif, List.of());
        assertThatThrownBy(() -> EmbeddedLdapServer.start(withoutSchema)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingLdifIsReportedWithItsLocation() {
        EmbeddedLdapServer.Settings missing = EmbeddedLdapServer.Settings.demo()
                .withLdif("classpath:no/such.ldif", List.of());
        assertThatThrownBy(() -> EmbeddedLdapServer.start(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classpath:no/such.ldif");
    }

    @Test
    void closedServerRefusesConnections() {
        EmbeddedLdapServer server = EmbeddedLdapServer.start(EmbeddedLdapServer.Settings.demo());
        String url = server.url();
        server.close();
        assertThatThrownBy(() -> new LDAPConnection("127.0.0.1", new LDAPURL(url).getPort()).close())
                .isInstanceOf(LDAPException.class);
    }

    @Test
    void settingsHideTheBindPassword() {
        EmbeddedLdapServer.Settings settings = EmbeddedLdapServer.Settings.demo()
                .withBindCredentials(BIND_DN, BIND_PASSWORD);
        assertThat(settings.toString()).doesNotContain(BIND_PASSWORD).contains("<redacted>");
        assertThatThrownBy(() -> settings.withBindCredentials("cn=x", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LDAPConnection connect(EmbeddedLdapServer server) throws LDAPException {
        return new LDAPConnection("127.0.0.1", server.port());
    }
}
