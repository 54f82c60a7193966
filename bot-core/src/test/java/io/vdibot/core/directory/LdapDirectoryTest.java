package io.vdibot.core.directory;

import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lookups against the real demo LDIF served by the in-memory LDAP server. */
class LdapDirectoryTest {

    private static EmbeddedLdapServer server;
    private static LdapDirectory directory;

    @BeforeAll
    static void startDirectory() {
        server = DemoDirectory.start();
        directory = new LdapDirectory(DemoDirectory.propertiesFor(server));
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
        server.close();
    }

    static Stream<Arguments> demoUsers() {
        return Stream.of(
                Arguments.of(new DirectoryUser("alice", "Alice Martin", "alice@vdibot.example",
                        Set.of("vdi-requesters"), Optional.of(ZoneId.of("Europe/Paris")),
                        Optional.of(Locale.ENGLISH))),
                Arguments.of(new DirectoryUser("bob", "Bob Johnson", "bob@vdibot.example",
                        Set.of("vdi-approvers", "vdi-requesters"), Optional.of(ZoneId.of("America/New_York")),
                        Optional.of(Locale.US))),
                Arguments.of(new DirectoryUser("carol", "Carol Nguyen", "carol@vdibot.example",
                        Set.of("vdi-admins"), Optional.of(ZoneId.of("UTC")), Optional.of(Locale.UK))),
                Arguments.of(new DirectoryUser("dave", "Dave Li (李大卫)", "dave@vdibot.example",
                        Set.of("vdi-viewers"), Optional.of(ZoneId.of("Asia/Shanghai")),
                        Optional.of(Locale.SIMPLIFIED_CHINESE))),
                Arguments.of(new DirectoryUser("erin", "Erin Walsh", "erin@vdibot.example",
                        Set.of("vdi-oncall", "vdi-viewers"), Optional.of(ZoneId.of("Europe/London")),
                        Optional.of(Locale.UK))),
                Arguments.of(new DirectoryUser("mallory", "Mallory Evans", "mallory@vdibot.example",
                        Set.of(), Optional.empty(), Optional.empty())));
    }

    @ParameterizedTest
    @MethodSource("demoUsers")
    void findsEachDemoUserByMail(DirectoryUser expected) {
        assertThat(directory.findByMail(expected.mail())).hasValueSatisfying(found -> assertThat(found)
                .usingRecursiveComparison().ignoringFields("groupDns", "dn").isEqualTo(expected));
    }

    @ParameterizedTest
    @MethodSource("demoUsers")
    void findsEachDemoUserByUid(DirectoryUser expected) {
        assertThat(directory.findByUid(expected.uid())).hasValueSatisfying(found -> assertThat(found)
                .usingRecursiveComparison().ignoringFields("groupDns", "dn").isEqualTo(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALICE@VDIBOT.EXAMPLE", "Alice@Vdibot.Example", "  alice@vdibot.example  "})
    void mailLookupIgnoresCaseAndSurroundingBlanks(String mail) {
        assertThat(directory.findByMail(mail)).map(DirectoryUser::uid).contains("alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*)(uid=*", "*", "alice@vdibot.example)(uid=*", "*@vdibot.example", "\\2a"})
    void filterCharactersInMailAreMatchedLiterallyAndFindNobody(String mail) {
        assertThat(directory.findByMail(mail)).isEmpty();
    }

    @Test
    void injectionCannotWidenACustomMailFilter() {
        // Unescaped, "*)(uid=alice" would turn the filter into (&(objectClass=inetOrgPerson)(mail=*)(uid=alice)).
        DirectoryProperties base = DemoDirectory.propertiesFor(server);
        DirectoryProperties strict = new DirectoryProperties(base.url(), base.bindDn(), base.bindPassword(),
                base.userSearchBase(), "(&(objectClass=inetOrgPerson)(mail={0}))", null, null, null,
                base.groupSearchBase(), null, null, null, null, null, null, base.connectTimeout(),
                base.responseTimeout(), base.cacheTtl());
        try (LdapDirectory custom = new LdapDirectory(strict)) {
            assertThat(custom.findByMail("*)(uid=alice")).isEmpty();
            assertThat(custom.findByMail("alice@vdibot.example")).map(DirectoryUser::uid).contains("alice");
        }
    }

    @Test
    void uidLookupIsNotAPattern() {
        assertThat(directory.findByUid("*")).isEmpty();
        assertThat(directory.findByUid("a*")).isEmpty();
        assertThat(directory.findByUid("ALICE")).map(DirectoryUser::uid).contains("alice");
    }

    @Test
    void unknownOrBlankIdentitiesAreEmptyNotErrors() {
        assertThat(directory.findByMail("nobody@vdibot.example")).isEmpty();
        assertThat(directory.findByMail(" ")).isEmpty();
        assertThat(directory.findByMail(null)).isEmpty();
        assertThat(directory.findByUid("nobody")).isEmpty();
        assertThat(directory.findByUid(null)).isEmpty();
    }

    @Test
    void approversAreBob() {
        assertThat(directory.membersOf("vdi-approvers")).extracting(DirectoryUser::uid).containsExactly("bob");
    }

    @Test
    void membersComeWithTheirOwnGroupsAndSettings() {
        assertThat(directory.membersOf("vdi-viewers")).extracting(DirectoryUser::uid).containsExactly("dave", "erin");
        assertThat(directory.membersOf("vdi-oncall")).singleElement().satisfies(erin -> {
            assertThat(erin.groups()).containsExactlyInAnyOrder("vdi-oncall", "vdi-viewers");
            assertThat(erin.zone()).contains(ZoneId.of("Europe/London"));
        });
    }

    @Test
    void aGroupHasItsOwnMailAddressOnlyWhenTheDirectoryGivesItOne() {
        assertThat(directory.groupMail("vdi-oncall")).contains("vdi-oncall@vdibot.example");
        assertThat(directory.groupMail("VDI-OnCall")).contains("vdi-oncall@vdibot.example");
        assertThat(directory.groupMail("vdi-viewers")).as("members have addresses, the group none").isEmpty();
        assertThat(directory.groupMail("vdi-nobody")).isEmpty();
        assertThat(directory.groupMail(" ")).isEmpty();
    }

    @Test
    void groupNamesCompareCaseInsensitively() {
        assertThat(directory.membersOf("VDI-Requesters")).extracting(DirectoryUser::uid).containsExactly("alice", "bob");
    }

    @Test
    void unknownGroupHasNoMembers() {
        assertThat(directory.membersOf("vdi-nobody")).isEmpty();
        assertThat(directory.membersOf("*")).isEmpty();
        assertThat(directory.membersOf("")).isEmpty();
    }

    @Test
    void groupsExistOnlyUnderTheGroupBaseAndByTheirExactName() {
        assertThat(directory.groupExists("vdi-requesters")).isTrue();
        assertThat(directory.groupExists(" VDI-Admins ")).isTrue();
        assertThat(directory.groupExists("vdi-*")).as("a name, not a pattern").isFalse();
        assertThat(directory.groupExists("people")).as("an organisational unit is no group").isFalse();
        assertThat(directory.groupExists("")).isFalse();
    }
}
