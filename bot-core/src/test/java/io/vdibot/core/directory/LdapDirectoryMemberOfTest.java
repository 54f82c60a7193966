package io.vdibot.core.directory;

import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link AdStyleDirectoryContract} on UnboundID's in-memory server, memberOf written into the LDIF by hand. */
class LdapDirectoryMemberOfTest extends AdStyleDirectoryContract {

    private static EmbeddedLdapServer server;
    private static LdapDirectory directory;

    @BeforeAll
    static void startDirectory() {
        server = EmbeddedLdapServer.start(EmbeddedLdapServer.Settings.demo()
                .withLdif("classpath:directory/ad-style.ldif", List.of("classpath:directory/ad-style-schema.ldif")));
        directory = new LdapDirectory(adStyle(server.url(), null, null));
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
        server.close();
    }

    @Override
    protected LdapDirectory directory() {
        return directory;
    }
}
