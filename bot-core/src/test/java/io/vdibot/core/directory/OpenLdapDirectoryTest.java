package io.vdibot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.core.permission.PermissionProperties;
import io.vdibot.core.realservers.Slapd;
import io.vdibot.rhev.simulator.tls.CertificateAuthority;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link AdStyleDirectoryContract} against a real OpenLDAP ({@code slapd} from Debian's package, started by the test):
 * the memberof overlay keeps memberOf from the groups' member values, every connection does StartTLS with the CA made
 * for the test (slapd answers nothing without it), and the bot binds as its service account. Skipped without slapd,
 * failed without it under {@code -Preal-servers}.
 *
 * <p>Nested groups: the bot reads direct membership only, as AD's {@code memberOf} and the overlay give it; a person
 * in a team group that is itself a member of a mapped group gets nothing from the outer group. Map the team group
 * (or add its people to the mapped group).
 */
class OpenLdapDirectoryTest extends AdStyleDirectoryContract {

    private static final String BIND_DN = "CN=vdibot,ou=Service,dc=corp,dc=example";
    private static final String BIND_PASSWORD = "bind-s3cret";

    private static Slapd slapd;
    private static LdapDirectory directory;

    @BeforeAll
    static void startSlapd() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "real-servers")
                .resolve("slapd-" + System.currentTimeMillis()).toAbsolutePath());
        slapd = Slapd.start(dir, "directory/openldap/ad-style.schema", "directory/openldap/ad-style.ldif");
        directory = new LdapDirectory(adStyle(slapd.url(), BIND_DN, BIND_PASSWORD),
                new DirectoryTlsProperties(true, slapd.caFile()));
    }

    @AfterAll
    static void stopSlapd() {
        if (directory != null) {
            directory.close();
        }
        if (slapd != null) {
            slapd.close();
        }
    }

    @Override
    protected LdapDirectory directory() {
        return directory;
    }

    @Test
    void memberOfIsKeptByTheOverlayFromTheGroups() {
        // the LDIF gives people no memberOf: what the bot reads, the overlay derived
        assertThat(directory.findByUid("asmith").orElseThrow().groupDns())
                .containsExactly("cn=vdi-requesters,ou=groups,dc=corp,dc=example");
    }

    @Test
    void aNestedMemberGetsTheDirectGroupOnlyAndNothingFromTheOuterOne() {
        DirectoryUser nina = directory.findByMail("nina.nest@corp.example").orElseThrow();
        assertThat(nina.uid()).isEqualTo("nnest");
        assertThat(nina.groups()).containsExactly("Desk-Team");
        PermissionPolicy policy = new PermissionPolicy(new PermissionProperties(
                Map.of("VDI-Requesters", List.of("requester")), null));
        assertThat(policy.rolesOf(nina)).isEmpty();
        PermissionPolicy teamMapped = new PermissionPolicy(new PermissionProperties(
                Map.of("VDI-Requesters", List.of("requester"), "Desk-Team", List.of("requester")), null));
        assertThat(teamMapped.rolesOf(nina)).containsExactly("requester");
    }

    @Test
    void aNestedGroupIsNotAMemberPerson() {
        // AD gives groups a sAMAccountName too; the Desk-Team group listed in VDI-Requesters' member is no person
        assertThat(directory.membersOf("VDI-Requesters")).extracting(DirectoryUser::uid)
                .doesNotContain("Desk-Team");
    }

    @Test
    void withoutStartTlsTheDirectoryAnswersNothing() {
        try (LdapDirectory plain = new LdapDirectory(adStyle(slapd.url(), BIND_DN, BIND_PASSWORD))) {
            assertThatThrownBy(() -> plain.findByUid("jdoe")).isInstanceOf(DirectoryUnavailableException.class);
        }
    }

    @Test
    void aDirectoryCertificateFromAnotherCaIsRefused() throws Exception {
        Path other = Files.writeString(slapd.caFile().resolveSibling("other-ca.pem"),
                CertificateAuthority.create().certificatePem(), StandardCharsets.US_ASCII);
        try (LdapDirectory wrongCa = new LdapDirectory(adStyle(slapd.url(), BIND_DN, BIND_PASSWORD),
                new DirectoryTlsProperties(true, other))) {
            assertThatThrownBy(() -> wrongCa.findByUid("jdoe")).isInstanceOf(DirectoryUnavailableException.class);
        }
    }

    @Test
    void aWrongBindPasswordFindsNobody() {
        try (LdapDirectory wrongPassword = new LdapDirectory(adStyle(slapd.url(), BIND_DN, "wrong"),
                new DirectoryTlsProperties(true, slapd.caFile()))) {
            assertThatThrownBy(() -> wrongPassword.findByUid("jdoe"))
                    .isInstanceOf(DirectoryUnavailableException.class);
        }
    }
}
