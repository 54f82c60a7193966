package io.vdibot.core.directory;

import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.core.permission.PermissionProperties;
import java.util.List;
import java.util.Map;

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
            // Finance is outside the group search base: known by its DN only
            assertThat(jdoe.groups()).containsExactly("VDI-Admins");
            assertThat(jdoe.groupDns()).containsExactlyInAnyOrder("cn=vdi-admins,ou=groups,dc=corp,dc=example",
                    "cn=finance,ou=elsewhere,dc=corp,dc=example");
        });
    }

    @Test
    void aLookAlikeGroupInAnotherOuGrantsNothing() {
        DirectoryUser mallet = directory.findByUid("mmoe").orElseThrow();
        assertThat(mallet.groups()).isEmpty();
        PermissionPolicy byName = new PermissionPolicy(new PermissionProperties(
                Map.of("VDI-Admins", List.of("admin")), null));
        assertThat(byName.rolesOf(mallet)).isEmpty();
        assertThat(byName.isAllowed(mallet, "vdi:pool:delete")).isFalse();
        assertThat(byName.rolesOf(directory.findByUid("jdoe").orElseThrow())).containsExactly("admin");
    }

    @Test
    void aGroupMappedByItsDnMatchesWhereverItIsAndOnlyThere() {
        PermissionPolicy byDn = new PermissionPolicy(new PermissionProperties(Map.of(
                "CN=Finance, OU=Elsewhere, DC=corp, DC=example", List.of("viewer"),
                "cn=vdi-admins,ou=groups,dc=corp,dc=example", List.of("admin")), null));
        assertThat(byDn.rolesOf(directory.findByUid("jdoe").orElseThrow())).containsExactly("admin", "viewer");
        assertThat(byDn.rolesOf(directory.findByUid("mmoe").orElseThrow())).isEmpty();
        assertThat(byDn.rolesOf(directory.findByUid("asmith").orElseThrow())).isEmpty();
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
