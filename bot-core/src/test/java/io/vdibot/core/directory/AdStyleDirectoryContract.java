package io.vdibot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.core.permission.PermissionProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the bot reads from an Active Directory shaped directory — memberOf on users, sAMAccountName as the login, lookup
 * by mail or userPrincipalName, groups scoped to the group search base — asserted the same way against every server
 * that holds those people: UnboundID's in-memory server with memberOf written by hand
 * ({@link LdapDirectoryMemberOfTest}) and OpenLDAP's slapd with the memberof overlay keeping it
 * ({@link OpenLdapDirectoryTest}).
 */
abstract class AdStyleDirectoryContract {

    /** Users under {@code ou=Users,dc=corp,dc=example}, groups under {@code ou=Groups,dc=corp,dc=example}. */
    protected static DirectoryProperties adStyle(String url, String bindDn, String bindPassword) {
        return new DirectoryProperties(url, bindDn, bindPassword, "ou=Users,dc=corp,dc=example",
                "(|(mail={0})(userPrincipalName={0}))", "sAMAccountName", null, null, "ou=Groups,dc=corp,dc=example",
                null, null, null, null, null, 2, java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5),
                java.time.Duration.ZERO);
    }

    protected abstract LdapDirectory directory();

    @Test
    void groupsComeFromMemberOfWhenTheGroupDoesNotListTheUser() {
        assertThat(directory().findByMail("JDoe@corp.example")).hasValueSatisfying(jdoe -> {
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
        DirectoryUser mallet = directory().findByUid("mmoe").orElseThrow();
        assertThat(mallet.groups()).isEmpty();
        PermissionPolicy byName = new PermissionPolicy(new PermissionProperties(
                Map.of("VDI-Admins", List.of("admin")), null));
        assertThat(byName.rolesOf(mallet)).isEmpty();
        assertThat(byName.isAllowed(mallet, "vdi:pool:delete")).isFalse();
        assertThat(byName.rolesOf(directory().findByUid("jdoe").orElseThrow())).containsExactly("admin");
    }

    @Test
    void aGroupMappedByItsDnMatchesWhereverItIsAndOnlyThere() {
        PermissionPolicy byDn = new PermissionPolicy(new PermissionProperties(Map.of(
                "CN=Finance, OU=Elsewhere, DC=corp, DC=example", List.of("viewer"),
                "cn=vdi-admins,ou=groups,dc=corp,dc=example", List.of("admin")), null));
        assertThat(byDn.rolesOf(directory().findByUid("jdoe").orElseThrow())).containsExactly("admin", "viewer");
        assertThat(byDn.rolesOf(directory().findByUid("mmoe").orElseThrow())).isEmpty();
        assertThat(byDn.rolesOf(directory().findByUid("asmith").orElseThrow())).isEmpty();
    }

    @Test
    void groupsFromBothSourcesAreMergedWithoutDuplicates() {
        assertThat(directory().findByUid("pjones")).hasValueSatisfying(pjones ->
                assertThat(pjones.groups()).containsExactlyInAnyOrder("VDI-Requesters", "VDI-Admins"));
        assertThat(directory().findByMail("anna.smith@corp.example")).hasValueSatisfying(asmith ->
                assertThat(asmith.groups()).containsExactly("VDI-Requesters"));
    }

    @Test
    void membersOfFollowsMemberOfAndMemberAlike() {
        assertThat(directory().membersOf("vdi-admins")).extracting(DirectoryUser::uid)
                .containsExactly("jdoe", "pjones");
        assertThat(directory().membersOf("VDI-Requesters")).extracting(DirectoryUser::uid)
                .containsExactly("asmith", "pjones");
    }

    @Test
    void unknownPeopleAreNotFound() {
        assertThat(directory().findByMail("nobody@corp.example")).isEmpty();
        assertThat(directory().findByUid("nobody")).isEmpty();
        // a group's account name is not a person's
        assertThat(directory().findByUid("VDI-Admins")).isEmpty();
    }
}
