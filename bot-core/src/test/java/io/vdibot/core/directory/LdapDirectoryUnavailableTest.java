package io.vdibot.core.directory;

import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An outage must surface as DirectoryUnavailableException, never as "user unknown". */
class LdapDirectoryUnavailableTest {

    @Test
    void serverShutDownAfterUseMakesEveryLookupFail() {
        EmbeddedLdapServer server = DemoDirectory.start();
        try (LdapDirectory directory = new LdapDirectory(DemoDirectory.propertiesFor(server))) {
            assertThat(directory.findByUid("alice")).isPresent();

            server.close();

            assertThatThrownBy(() -> directory.findByMail("alice@vdibot.example"))
                    .isInstanceOf(DirectoryUnavailableException.class);
            assertThatThrownBy(() -> directory.findByUid("bob"))
                    .isInstanceOf(DirectoryUnavailableException.class);
            assertThatThrownBy(() -> directory.membersOf("vdi-approvers"))
                    .isInstanceOf(DirectoryUnavailableException.class);
        } finally {
            server.close();
        }
    }

    @Test
    void directoryDownAtStartUpIsReportedOnFirstUse() {
        DirectoryProperties properties;
        try (EmbeddedLdapServer server = DemoDirectory.start()) {
            properties = DemoDirectory.propertiesFor(server);
        }
        // Nothing listens on that port any more; building the directory must still succeed.
        try (LdapDirectory directory = new LdapDirectory(properties)) {
            assertThatThrownBy(() -> directory.findByMail("alice@vdibot.example"))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageContaining("user by mail");
        }
    }

    @Test
    void rejectedBindIsUnavailableAndDoesNotLeakThePassword() {
        String wrongPassword = "wrong-pa55word";
        try (EmbeddedLdapServer server = DemoDirectory.start();
                LdapDirectory directory = new LdapDirectory(DemoDirectory.propertiesFor(server)
                        .withBindCredentials(DemoDirectory.BIND_DN, wrongPassword))) {
            assertThatThrownBy(() -> directory.findByUid("alice"))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrongPassword));
        }
    }

    @Test
    void anonymousClientOfAProtectedDirectoryIsUnavailableNotUnknown() {
        try (EmbeddedLdapServer server = DemoDirectory.start();
                LdapDirectory directory = new LdapDirectory(DemoDirectory.propertiesFor(server)
                        .withBindCredentials("", ""))) {
            assertThatThrownBy(() -> directory.findByUid("alice"))
                    .isInstanceOf(DirectoryUnavailableException.class);
        }
    }
}
