package io.vdibot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Active Directory style data: memberOf on users, sAMAccountName, lookup by mail or UPN. */
class LdapDirectoryMemberOfTest {

    private static EmbeddedLdapServer server;
    private static LdapDirectory directory;

    @BeforeAll
    static void startDirectory() {
        server = EmbeddedLdapServer.start(EmbeddedLdapServer.Settings.demo()
                .withLdif("classpath:directory/ad-style.ldif", List.of("classpath:directory/ad-style-schema.ldif")));
        directory = new LdapDirectory(new DirectoryProperties(server.url(), null, null,
                "ou=Users,dc=corp,dc=example", "(|(mail={0})(userPrincipalName={0}))", "sAMAccountName", null,
                null, "ou=Groups,dc=corp,dc=example", null, null, null, null, null, 2, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ZERO));
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
        server.close();
    }

    @Test
    void groupsComeFromMemberOfWhenTheGroupDoesNotListTheUser() {
        assertThat(directory.findByMail("JDoe@corp.example")).hasValueSatisfying(jdoe -> {
            assertThat(jdoe.uid()).isEqualTo("jdoe");
            assertThat(jdoe.displayName()).isEqualTo("John Doe");
            assertThat(jdoe.mail()).isEmpty();
            assertThat(jdoe.groups()).containsExactlyInAnyOrder("VDI-Admins", "Finance");
        });
    }

    @Test
    void groupsFromBothSourcesAreMergedWithoutDuplicates() {
        assertThat(directory.findByUid("pjones")).hasValueSatisfying(pjones ->
                assertThat(pjones.groups()).containsExactlyInAnyOrder("VDI-Requesters", "VDI-Admins"));
        assertThat(directory.findByMail("anna.smith@corp.example")).hasValueSatisfying(asmith ->
                assertThat(asmith.groups()).containsExactly("VDI-Requesters"));
    }

    @Test
    void membersOfFollowsMemberOfAndMemberAlike() {
        assertThat(directory.membersOf("vdi-admins")).extracting(DirectoryUser::uid).containsExactly("jdoe", "pjones");
        assertThat(directory.membersOf("VDI-Requesters")).extracting(DirectoryUser::uid)
                .containsExactly("asmith", "pjones");
    }
}
